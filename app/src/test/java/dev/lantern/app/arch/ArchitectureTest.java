package dev.lantern.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md's module rules, checked over the classes of all four modules. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importAll() {
        // Test classes stay out, also those of the modules' test-jars (fixtures) on the test classpath.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.lantern");
    }

    @Test
    void environmentsArePureJava() {
        noClasses().that().resideInAPackage("dev.lantern.environments..")
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "javafx..",
                        "org.jfree..", "com.google.gson..", "dev.lantern.agents..", "dev.lantern.analysis..",
                        "dev.lantern.app..")
                .check(classes);
    }

    @Test
    void onlyTheAppUsesJavafxOrJfreechart() {
        noClasses().that().resideOutsideOfPackage("dev.lantern.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..")
                .check(classes);
    }

    @Test
    void modulesDependOnlyDownstream() {
        noClasses().that().resideInAPackage("dev.lantern.agents..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lantern.analysis..", "dev.lantern.app..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.lantern.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lantern.app..")
                .check(classes);
    }

    @Test
    void theAppReachesLearnersOnlyThroughTheRegistry() {
        noClasses().that().resideInAnyPackage("dev.lantern.app.engine..", "dev.lantern.app.config..",
                        "dev.lantern.app.lab..", "dev.lantern.app.cli..", "dev.lantern.app.console..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lantern.agents.actorcritic..",
                        "dev.lantern.agents.dqn..", "dev.lantern.agents.tabular..", "dev.lantern.agents.alphazero..")
                .because("learners are created, validated and evaluated through dev.lantern.agents.registry.Learners; "
                        + "only app.bench, which times a learner's internals, names them")
                .check(classes);
    }

    @Test
    void analysisReachesLearnersOnlyThroughTheApi() {
        noClasses().that().resideInAPackage("dev.lantern.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.lantern.agents.actorcritic..",
                        "dev.lantern.agents.dqn..", "dev.lantern.agents.alphazero..", "dev.lantern.agents.tabular..",
                        "dev.lantern.agents.nn..")
                .because("analysis reads learners through agents.api (and the planning library agents.mcts)")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.lantern.(**)").should().beFreeOfCycles().check(classes);
    }
}

package dev.lantern.agents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agents module's own rules (DESIGN.md): no cycles between its packages; each learner package stands alone; the
 * training loop and the run-directory format know learners only through {@code agents.api}; no UI, and JSON only
 * where run files are written.
 */
class ArchitectureTest {

    /** The packages of the concrete learners. */
    private static final List<String> LEARNERS = List.of("actorcritic", "dqn", "tabular", "alphazero");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lantern.agents");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.lantern.agents.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void learnerPackagesDoNotImportEachOther() {
        for (String learner : LEARNERS) {
            String[] others = LEARNERS.stream().filter(o -> !o.equals(learner)).map(o -> "dev.lantern.agents." + o + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("dev.lantern.agents." + learner + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others).check(classes);
        }
    }

    @Test
    void theLoopAndTheRunFormatKnowNoConcreteLearner() {
        String[] learners = LEARNERS.stream().map(o -> "dev.lantern.agents." + o + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage("dev.lantern.agents.train..", "dev.lantern.agents.run..",
                "dev.lantern.agents.api..", "dev.lantern.agents.nn..", "dev.lantern.agents.mcts..")
                .should().dependOnClassesThat().resideInAnyPackage(learners).check(classes);
    }

    @Test
    void theStateCodecStandsAlone() {
        // LearningAgent (api) uses the codec, so the codec may use nothing of Lantern's.
        noClasses().that().resideInAPackage("dev.lantern.agents.run.state")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.lantern.agents.run.state", "java..",
                        "org.nd4j..")
                .check(classes);
    }

    @Test
    void noUiNoUpperModulesAndJsonOnlyForRunFiles() {
        noClasses().that().resideInAPackage("dev.lantern.agents..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jfree..", "picocli..",
                        "dev.lantern.analysis..", "dev.lantern.app..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.lantern.agents..")
                .and().resideOutsideOfPackages("dev.lantern.agents.run..", "dev.lantern.agents.train..")
                .should().dependOnClassesThat().resideInAPackage("com.google.gson..")
                .check(classes);
    }
}

package dev.lantern.environments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module's dependency rules (DESIGN.md): pure Java, no cycles between its packages. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.lantern.environments");
    }

    @Test
    void staysPureJava() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..",
                "javafx..", "org.jfree..", "com.google.gson..", "dev.lantern.agents..", "dev.lantern.analysis..",
                "dev.lantern.app..").check(classes);
    }

    @Test
    void apiDependsOnNoImplementation() {
        noClasses().that().resideInAPackage("dev.lantern.environments.api..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.lantern.environments.grid..", "dev.lantern.environments.registry..")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.lantern.environments.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void mapFormatKnowsNoWorldAndWorldKnowsNoSolver() {
        noClasses().that().resideInAPackage("dev.lantern.environments.grid.map..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.lantern.environments.grid", "dev.lantern.environments.grid.solve..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.lantern.environments.grid").should().dependOnClassesThat()
                .resideInAPackage("dev.lantern.environments.grid.solve..").check(classes);
    }
}

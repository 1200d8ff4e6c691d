package io.sealtrail.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/decisions and STYLE: core modules stay free of UI toolkits, BouncyCastle stays
 * in verify (crypto at the edge), dependencies point one way, and only the CLI prints.
 */
class LayeringTest {
    private static final String[] CORE = {"io.sealtrail.model..", "io.sealtrail.verify..", "io.sealtrail.index..",
            "io.sealtrail.cases..", "io.sealtrail.report..", "io.sealtrail.sources.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the test TSA is on the tests' class path only (seal's tests serve it on loopback): tooling, which
                // the tools module's own rules cover, not part of what ships
                .withImportOption(location -> !location.contains("test-tsa"))
                // another module's test classes (opensearch's TestNode, a test-jar once packaged): in the reactor's
                // verify they come as sealtrail-opensearch-*-tests.jar, which DO_NOT_INCLUDE_TESTS does not see
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.sealtrail");
    }

    @Test
    void coreModulesDoNotUseUiToolkits() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "javax.swing..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void onlyReportMayDrawWithAwt() {
        noClasses().that().resideInAnyPackage("io.sealtrail.model..", "io.sealtrail.verify..", "io.sealtrail.index..")
                .should().dependOnClassesThat().resideInAnyPackage("java.awt..")
                .check(classes);
    }

    @Test
    void bouncyCastleStaysInVerifyAndReportSigning() {
        noClasses().that().resideOutsideOfPackages("io.sealtrail.verify..", "io.sealtrail.report.sign..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")
                .check(classes);
    }

    @Test
    void modelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.sealtrail.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.sealtrail.verify..", "io.sealtrail.index..",
                        "io.sealtrail.cases..", "io.sealtrail.sources..", "io.sealtrail.report..", "io.sealtrail.app..",
                        "io.sealtrail.tools..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void coreModulesDoNotDependOnTheApp() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAPackage("io.sealtrail.app..")
                .check(classes);
    }

    /** OpenSearch is one engine behind EventSearch, named only by the app (docs/decisions/0024-opensearch.md). */
    @Test
    void coreModulesDoNotDependOnOpenSearch() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("io.sealtrail.opensearch..", "org.opensearch..")
                .check(classes);
    }

    /** The benchmarks, the screenshot tour and the test TSA are tooling; the product finds them, it never names them. */
    @Test
    void noProductClassUsesTheTools() {
        noClasses().that().resideInAPackage("io.sealtrail..").and().resideOutsideOfPackage("io.sealtrail.tools..")
                .should().dependOnClassesThat().resideInAPackage("io.sealtrail.tools..")
                .because("docs/decisions/0017-tools-apart.md: the product reaches tooling only through ServiceLoader"
                        + " (ToolCommand, WorkbenchProbe, GeneratorTsa)")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackage("io.sealtrail.app.cli..")
                .and().doNotHaveFullyQualifiedName("io.sealtrail.app.Main")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(classes);
    }

    @Test
    void verifyPackagesHaveNoCycles() {
        SlicesRuleDefinition.slices().matching("io.sealtrail.verify.(*)..").should().beFreeOfCycles()
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void workbenchFeaturesDoNotImportEachOtherInACycle() {
        SlicesRuleDefinition.slices().matching("io.sealtrail.app.ui.(*)..").should().beFreeOfCycles()
                .check(classes);
    }

    /** The window shell composes the features; a feature never reaches into the window or, through it, another feature. */
    @Test
    void featuresDoNotImportTheWindowShell() {
        noClasses().that().resideInAPackage("io.sealtrail.app.ui.*..")
                .and().resideOutsideOfPackage("io.sealtrail.app.ui.shell..")
                .should().dependOnClassesThat().resideInAPackage("io.sealtrail.app.ui.shell..")
                .because("docs/decisions/0015-window-shell.md: features observe the window's CaseSession instead")
                .check(classes);
    }

    /** What every feature may use (the session, the dialogs, the jobs) knows no feature. */
    @Test
    void theSharedWorkbenchPackagesKnowNoFeature() {
        noClasses().that().resideInAnyPackage("io.sealtrail.app.ui.session..", "io.sealtrail.app.ui.dialogs..",
                        "io.sealtrail.app.ui.jobs..")
                .should().dependOnClassesThat().resideInAnyPackage("io.sealtrail.app.ui.annotate..",
                        "io.sealtrail.app.ui.bundles..", "io.sealtrail.app.ui.cases..", "io.sealtrail.app.ui.report..",
                        "io.sealtrail.app.ui.search..", "io.sealtrail.app.ui.timeline..", "io.sealtrail.app.ui.trust..",
                        "io.sealtrail.app.ui.shell..")
                .check(classes);
    }

    @Test
    void theCommandLineOpensTheWindowButDoesNotReachIntoIt() {
        noClasses().that().resideInAPackage("io.sealtrail.app.cli..")
                .and().doNotHaveFullyQualifiedName("io.sealtrail.app.cli.GuiCommand")
                .should().dependOnClassesThat().resideInAPackage("io.sealtrail.app.ui..")
                .because("only the command that opens the workbench may; shared facts live in io.sealtrail.app.AppInfo")
                .check(classes);
    }
}

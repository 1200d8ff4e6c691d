package io.sealtrail.app.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.TestBundles;
import io.sealtrail.app.ui.dialogs.ScriptedDialogs;
import io.sealtrail.app.ui.search.SearchViewModel;
import io.sealtrail.app.ui.session.CaseSession;
import io.sealtrail.app.ui.zones.ZoneChoices;
import io.sealtrail.cases.Annotation;
import io.sealtrail.cases.CaseFolder;
import io.sealtrail.cases.CaseImporter;
import io.sealtrail.report.ReportVerifier;
import io.sealtrail.verify.VerifyOptions;
import io.sealtrail.verify.pades.ReportSigningKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The report dialog on a 1366 × 768 laptop (issue 14 items 7 and 10): whole button labels, the whole case, a readable preview. */
@ExtendWith(ApplicationExtension.class)
class ReportDialogTest {
    /** A 1366 × 768 screen less a 40-pixel task bar. */
    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);

    @TempDir
    static Path tmp;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private Stage open(FxRobot robot, String name, ReportViewModel vm, SearchViewModel search) throws Exception {
        Path dir = tmp.resolve(name);
        CaseFolder c = CaseFolder.create(dir.resolve("case"), "Report dialog " + name, Clock.systemUTC());
        CaseImporter.Result r = new CaseImporter().importBundle(c, TestBundles.intact(dir), VerifyOptions.trusting(
                List.of(TestBundles.key())), TestBundles.signer(), CaseImporter.Progress.NONE, () -> false);
        Annotation.of(r.record().bundleId(), 42, "", true, List.of(), "why").append(c.journal(), TestBundles.signer());
        CaseSession session = new CaseSession(search);
        Stage[] shown = new Stage[1];
        robot.interact(() -> {
            session.opened(c);
            shown[0] = ReportDialog.show(owner, session, vm, new ScriptedDialogs(), LAPTOP);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return shown[0];
    }

    private ReportViewModel viewModel() {
        return new ReportViewModel(background, Platform::runLater, TestBundles::signer, () -> List.of(TestBundles.key()),
                List::of, "test", new ZoneChoices(tmp.resolve("config")));
    }

    @Test
    void onALaptopScreenEveryButtonShowsItsWholeLabelAndStaysOnScreen(FxRobot robot) throws Exception {
        ReportViewModel vm = viewModel();
        Stage dialog = open(robot, "buttons", vm, new SearchViewModel(background, Platform::runLater));
        assertThat(dialog.getHeight()).isLessThanOrEqualTo(LAPTOP.getHeight());
        assertThat(cutOrOffScreen(dialog.getScene())).isEmpty();
        // after a report is written the status holds a path and a SHA-256: the buttons keep their labels still
        robot.interact(() -> ((TextField) dialog.getScene().lookup("#reportOut")).setText(tmp.resolve("buttons/r.pdf").toString()));
        fire(robot, dialog, "#writeReport");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.writtenProperty().get() != null
                || !vm.errorProperty().get().isEmpty());
        assertThat(vm.errorProperty().get()).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cutOrOffScreen(dialog.getScene())).isEmpty();
    }

    @Test
    void theDialogOpensOnTheWholeCaseWhateverTheWindowSearchesAndInItsZone(FxRobot robot) throws Exception {
        SearchViewModel search = new SearchViewModel(background, Platform::runLater);
        robot.interact(() -> {
            search.queryProperty().set("event.outcome:denied");
            search.fromProperty().set(Instant.parse("2026-03-02T08:00:00Z"));
            search.zoneProperty().set(ZoneId.of("Asia/Kolkata"));
        });
        Stage dialog = open(robot, "whole", viewModel(), search);
        assertThat(((TextField) dialog.getScene().lookup("#reportQuery")).getText()).isEqualTo("*");
        assertThat(((TextField) dialog.getScene().lookup("#reportFrom")).getText()).isEmpty();
        assertThat(((Labeled) dialog.getScene().lookup("#reportZone")).getText()).startsWith("Asia/Kolkata");
        fire(robot, dialog, "#reportUseSearch");
        assertThat(((TextField) dialog.getScene().lookup("#reportQuery")).getText()).contains("event.outcome:denied");
        assertThat(((TextField) dialog.getScene().lookup("#reportFrom")).getText()).startsWith("2026-03-02 13:30");
    }

    @Test
    void thePreviewShowsThePagesAtTheDialogsWidth(FxRobot robot) throws Exception {
        ReportViewModel vm = viewModel();
        Stage dialog = open(robot, "preview", vm, new SearchViewModel(background, Platform::runLater));
        robot.interact(() -> ((TextField) dialog.getScene().lookup("#reportOut")).setText(tmp.resolve("preview/r.pdf").toString()));
        fire(robot, dialog, "#writeReport");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.preview().isEmpty() || !vm.errorProperty().get().isEmpty());
        assertThat(vm.errorProperty().get()).isEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        List<ImageView> pages = dialog.getScene().getRoot().lookupAll(".image-view").stream().map(ImageView.class::cast).toList();
        assertThat(pages).hasSize(ReportViewModel.PREVIEW_PAGES);
        // an A4 page 700 pixels wide sets 9-point body text about 11 pixels high: readable without a zoom
        assertThat(pages).allSatisfy(p -> assertThat(p.getBoundsInParent().getWidth()).isGreaterThanOrEqualTo(700));
        assertThat(pages.get(0).getImage().getWidth()).isGreaterThanOrEqualTo(700);
    }

    @Test
    void aReportSignedFromTheDialogVerifiesUnderItsCertificate(FxRobot robot) throws Exception {
        ReportSigningKey key = ReportSigningKey.generate("Zoë Müller, Example Audit AG", Instant.now().minusSeconds(60),
                Instant.now().plus(java.time.Duration.ofDays(30)), new java.security.SecureRandom());
        Path pem = java.nio.file.Files.writeString(tmp.resolve("report-signing.pem"), key.encode());
        ReportViewModel vm = viewModel();
        Stage dialog = open(robot, "signed", vm, new SearchViewModel(background, Platform::runLater));
        Path pdf = tmp.resolve("signed/r.pdf");
        robot.interact(() -> {
            ((TextField) dialog.getScene().lookup("#reportOut")).setText(pdf.toString());
            ((TextField) dialog.getScene().lookup("#reportSignKey")).setText(pem.toString());
        });
        fire(robot, dialog, "#writeReport");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.writtenProperty().get() != null
                || !vm.errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents(); // the message follows the written report in the same FX turn
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("signed as PAdES B-B by CN=Zoë Müller");
        ReportVerifier.Result r = new ReportVerifier().verify(pdf, List.of(TestBundles.key()), List.of(key.certificate()),
                List.of(), Instant.now());
        assertThat(r.signatures()).singleElement().satisfies(s -> assertThat(s.ok()).as(s.findings().toString()).isTrue());
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.VERIFIED);
    }

    @Test
    void theTimestampAuthorityCanBeGivenOnlyOnceASigningKeyIs(FxRobot robot) throws Exception {
        Stage dialog = open(robot, "tsa-only", viewModel(), new SearchViewModel(background, Platform::runLater));
        TextField tsa = (TextField) dialog.getScene().lookup("#reportTsa");
        assertThat(tsa.isDisabled()).isTrue();
        robot.interact(() -> ((TextField) dialog.getScene().lookup("#reportSignKey")).setText("/keys/report-signing.pem"));
        assertThat(tsa.isDisabled()).isFalse();
    }

    @Test
    void aReportRedactedFromTheDialogCarriesNoEventLineAndStillVerifies(FxRobot robot) throws Exception {
        ReportViewModel vm = viewModel();
        Stage dialog = open(robot, "redacted", vm, new SearchViewModel(background, Platform::runLater));
        Path pdf = tmp.resolve("redacted/r.pdf");
        robot.interact(() -> {
            ((TextField) dialog.getScene().lookup("#reportOut")).setText(pdf.toString());
            ((javafx.scene.control.MenuButton) dialog.getScene().lookup("#reportRedaction")).getItems().stream()
                    .filter(i -> "redactionStandard".equals(i.getId())).findFirst().orElseThrow().fire();
        });
        fire(robot, dialog, "#writeReport");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.writtenProperty().get() != null
                || !vm.errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents(); // the message follows the written report in the same FX turn
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).contains("redacted with profile standard");
        ReportVerifier.Result r = new ReportVerifier().verify(pdf, List.of(TestBundles.key()));
        assertThat(r.proofs()).isNotEmpty().allSatisfy(p -> assertThat(p.lineWithheld()).isTrue());
        assertThat(r.verdict()).isEqualTo(ReportVerifier.Verdict.VERIFIED);
    }

    /** Presses a button of the dialog as a click would (the headless robot's clicks land on the owner window). */
    private static void fire(FxRobot robot, Stage dialog, String id) {
        robot.interact(() -> ((Button) dialog.getScene().lookup(id)).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every button cut short to "Writ…", and every one that lies outside the window's visible height. */
    private static List<String> cutOrOffScreen(Scene scene) {
        List<String> out = new ArrayList<>();
        collect(scene.getRoot(), scene.getHeight(), out);
        return out;
    }

    private static void collect(Node n, double height, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Button b && b.getText() != null && !b.getText().isEmpty()) {
            Node t = b.lookup(".text");
            String shown = t instanceof Text text ? text.getText() : b.getText();
            if (!shown.equals(b.getText())) {
                out.add("\"" + b.getText() + "\" shown as \"" + shown + "\"");
            }
            Bounds inScene = b.localToScene(b.getBoundsInLocal());
            if (inScene.getMaxY() > height) {
                out.add("\"" + b.getText() + "\" below the window's edge");
            }
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, height, out));
        }
    }
}

package io.sealtrail.app.ui.shell;

import io.sealtrail.app.ui.cases.RecentCases;
import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.app.ui.session.CaseSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;

/**
 * File › Open recent case and, on the empty start screen, the same cases as links. The list is a file: read
 * and written on the background executor, the newest read shown.
 */
final class RecentCasesMenu {
    private static final System.Logger LOG = System.getLogger(RecentCasesMenu.class.getName());

    private final Menu menu;
    private final VBox links = new VBox(4);
    private final RecentCases recent;
    private final Consumer<Path> open;
    private final UiTasks.Latest lane;
    private final Node firstStart;

    /**
     * @param startScreen where the links go (the verification view's empty state)
     * @param firstStart  shown there instead while the list is empty (a first start): the demo case's offer
     */
    RecentCasesMenu(Menu menu, VBox startScreen, RecentCases recent, CaseSession session, Consumer<Path> open,
                    UiTasks tasks, Node firstStart) {
        this.menu = menu;
        this.firstStart = firstStart;
        this.recent = recent;
        this.open = open;
        this.lane = tasks.latest();
        links.setAlignment(Pos.CENTER);
        startScreen.getChildren().add(links);
        session.caseProperty().addListener((o, was, now) -> {
            if (now != null) {
                refresh(now.dir());
            }
        });
        refresh(null);
    }

    /** @param opened a case just opened, which goes first in the list; null to only read it */
    private void refresh(Path opened) {
        lane.run(ctx -> {
            if (opened != null) {
                try {
                    recent.opened(opened);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "the recent-cases list cannot be written", e);
                }
            }
            List<Path> list = recent.list();
            ctx.deliver(() -> show(list));
        }, failure -> LOG.log(System.Logger.Level.WARNING, "the recent-cases list cannot be read: " + failure.message()));
    }

    private void show(List<Path> list) {
        menu.getItems().clear();
        links.getChildren().clear();
        menu.setDisable(list.isEmpty());
        if (list.isEmpty()) {
            links.getChildren().add(firstStart);
        } else {
            Label title = new Label("Recent cases");
            title.getStyleClass().add("empty-hint");
            links.getChildren().add(title);
        }
        for (Path p : list) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open.accept(p));
            menu.getItems().add(item);
            Hyperlink link = new Hyperlink(p.getFileName() + "  —  " + p);
            link.setOnAction(e -> open.accept(p));
            links.getChildren().add(link);
        }
    }
}

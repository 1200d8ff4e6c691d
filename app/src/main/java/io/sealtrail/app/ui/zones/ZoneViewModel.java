package io.sealtrail.app.ui.zones;

import io.sealtrail.app.ui.jobs.UiTasks;
import io.sealtrail.app.ui.session.CaseSession;
import io.sealtrail.cases.CaseFolder;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which zone the window shows times in, per case: the zone last chosen for a case comes back when it is opened
 * (UTC for a case never shown in another), and the picker lists every zone, the recent ones first, narrowed by what
 * is typed. The zone itself is the search's ({@link io.sealtrail.app.ui.session.QueryScope#zoneProperty}), which
 * every feature follows. Called on the FX thread; the files are read and written on the background executor.
 */
public final class ZoneViewModel {
    private static final System.Logger LOG = System.getLogger(ZoneViewModel.class.getName());

    /** Writes, one after the other in the order chosen: the newest choice is the one the files keep. */
    private final UiTasks writes;
    private final UiTasks.Latest lane;
    private final ZoneChoices files;
    private final ObjectProperty<ZoneId> zone;
    private final Clock clock;
    private final ZoneId system;
    private final List<ZoneId> recent = new ArrayList<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<ZoneId> matches = FXCollections.observableArrayList();
    private String caseId;

    /**
     * @param zone   the zone the window shows times in
     * @param system this computer's zone, listed right after the recent ones
     */
    public ZoneViewModel(Executor background, Executor fxThread, ZoneChoices files, ObjectProperty<ZoneId> zone,
                         Clock clock, ZoneId system) {
        this.writes = new UiTasks(new InOrder(background), fxThread);
        this.lane = new UiTasks(background, fxThread).latest();
        this.files = files;
        this.zone = zone;
        this.clock = clock;
        this.system = system;
        filter.addListener((o, was, now) -> refreshMatches());
        refreshMatches();
    }

    /** From now on shows each case the session opens in the zone last chosen for it. */
    public void follow(CaseSession session) {
        session.caseProperty().addListener((o, was, now) -> caseOpened(now));
        caseOpened(session.caseProperty().get());
    }

    private void caseOpened(CaseFolder c) {
        caseId = c == null ? null : c.id();
        String id = caseId;
        lane.run(ctx -> {
            List<ZoneId> r = files.recent();
            ZoneId remembered = id == null ? null : files.forCase(id).orElse(ZoneOffset.UTC);
            ctx.deliver(() -> {
                recent.clear();
                recent.addAll(r);
                if (remembered != null) {
                    zone.set(remembered);
                }
                refreshMatches();
            });
        }, failure -> LOG.log(System.Logger.Level.WARNING, "the time zones chosen before cannot be read: " + failure.message()));
    }

    /** Shows times in {@code z} from now on, for this case the next time it is opened too; {@code z} becomes recent. */
    public void choose(ZoneId z) {
        if (z == null) {
            return;
        }
        zone.set(z);
        recent.remove(z);
        recent.add(0, z);
        while (recent.size() > ZoneChoices.MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        refreshMatches();
        String id = caseId;
        writes.always(ctx -> files.chosen(id, z),
                failure -> LOG.log(System.Logger.Level.WARNING, "the chosen time zone cannot be remembered: " + failure.message()));
    }

    /** Runs its jobs on the background executor one at a time, in the order given (Executor's SerialExecutor). */
    private static final class InOrder implements Executor {
        private final java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        private final Executor background;
        private Runnable running;

        InOrder(Executor background) {
            this.background = background;
        }

        @Override
        public synchronized void execute(Runnable job) {
            queue.add(() -> {
                try {
                    job.run();
                } finally {
                    next();
                }
            });
            if (running == null) {
                next();
            }
        }

        private synchronized void next() {
            running = queue.poll();
            if (running != null) {
                background.execute(running);
            }
        }
    }

    private void refreshMatches() {
        matches.setAll(ZoneChoices.ordered(recent, system, filter.get(), clock.instant()));
    }

    /** What is typed into the picker's search field. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** The zones the picker lists: recent first, then UTC, this computer's zone, and the rest by id. */
    public ObservableList<ZoneId> matches() {
        return matches;
    }

    /** The zones chosen lately, newest first. */
    public List<ZoneId> recent() {
        return List.copyOf(recent);
    }

    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    /** {@code America/New_York (UTC-05:00)}, the offset as of now. */
    public String label(ZoneId z) {
        return ZoneChoices.label(z, clock.instant());
    }

    /** True for a zone chosen lately (the picker marks them). */
    public boolean isRecent(ZoneId z) {
        return recent.contains(z);
    }
}

package io.sealtrail.app.ui.zones;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.app.ui.ManualExecutor;
import io.sealtrail.app.ui.session.CaseSession;
import io.sealtrail.cases.CaseFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the zone times are shown in, without the FX toolkit. */
class ZoneViewModelTest {
    static final Clock WINTER = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @TempDir
    Path tmp;
    private final ManualExecutor background = new ManualExecutor();
    private final ObjectProperty<ZoneId> zone = new SimpleObjectProperty<>(ZoneOffset.UTC);
    private ZoneViewModel vm;

    @BeforeEach
    void setUp() {
        vm = newViewModel(zone);
    }

    private ZoneViewModel newViewModel(ObjectProperty<ZoneId> z) {
        return new ZoneViewModel(background, Runnable::run, new ZoneChoices(tmp.resolve("config")), z, WINTER, BERLIN);
    }

    @Test
    void theListHasEveryZoneUtcAndThisComputersFirstThenTheRestById() {
        List<ZoneId> all = vm.matches();
        assertThat(all.subList(0, 2)).containsExactly(ZoneOffset.UTC, BERLIN);
        assertThat(all).hasSize(ZoneId.getAvailableZoneIds().size()) // the region "UTC" is listed as the offset
                .contains(NEW_YORK, KOLKATA).doesNotHaveDuplicates();
        List<String> rest = all.subList(2, all.size()).stream().map(ZoneId::getId).toList();
        assertThat(rest).isSorted();
    }

    @Test
    void typingACityWithASpaceFindsItsZoneAndAnOffsetFindsTheZonesOnIt() {
        vm.filterProperty().set("new york");
        assertThat(vm.matches()).containsExactly(NEW_YORK);
        vm.filterProperty().set("+05:30");
        assertThat(vm.matches()).contains(KOLKATA).allSatisfy(z -> assertThat(vm.label(z)).contains("UTC+05:30"));
    }

    @Test
    void theLabelIsTheWholeIdAndTheOffsetNow() {
        assertThat(vm.label(NEW_YORK)).isEqualTo("America/New_York (UTC-05:00)");
        assertThat(vm.label(ZoneOffset.UTC)).isEqualTo("UTC");
    }

    @Test
    void aChosenZoneIsShownAtOnceAndComesFirstAmongTheRecentNewestFirst() {
        vm.choose(NEW_YORK);
        vm.choose(KOLKATA);
        vm.choose(NEW_YORK);
        background.drain();
        assertThat(zone.get()).isEqualTo(NEW_YORK);
        assertThat(vm.recent()).containsExactly(NEW_YORK, KOLKATA);
        assertThat(vm.matches().subList(0, 4)).containsExactly(NEW_YORK, KOLKATA, ZoneOffset.UTC, BERLIN);
        assertThat(new ZoneChoices(tmp.resolve("config")).recent()).as("remembered for the next window")
                .containsExactly(NEW_YORK, KOLKATA);
    }

    @Test
    void choicesAreWrittenInTheOrderMadeSoTheFilesKeepTheLast() {
        vm.choose(NEW_YORK);
        vm.choose(KOLKATA);
        assertThat(background.waiting()).as("the second write waits for the first").isEqualTo(1);
        List<Runnable> first = background.takeAll();
        first.forEach(Runnable::run);
        background.drain();
        assertThat(new ZoneChoices(tmp.resolve("config")).recent()).containsExactly(KOLKATA, NEW_YORK);
    }

    @Test
    void atMostEightRecentZonesAreKept() {
        List<String> ids = List.of("Europe/Paris", "Europe/Rome", "Europe/Madrid", "Asia/Tokyo", "Asia/Seoul",
                "America/Chicago", "America/Denver", "Australia/Sydney", "Africa/Cairo");
        ids.forEach(id -> vm.choose(ZoneId.of(id)));
        background.drain();
        assertThat(vm.recent()).hasSize(ZoneChoices.MAX_RECENT).first().isEqualTo(ZoneId.of("Africa/Cairo"));
        assertThat(new ZoneChoices(tmp.resolve("config")).recent()).hasSize(ZoneChoices.MAX_RECENT)
                .doesNotContain(ZoneId.of("Europe/Paris"));
    }

    @Test
    void eachCaseOpensInTheZoneLastChosenForItAndANewCaseInUtc() throws Exception {
        CaseFolder first = CaseFolder.create(tmp.resolve("first"), "first", Clock.systemUTC());
        CaseFolder second = CaseFolder.create(tmp.resolve("second"), "second", Clock.systemUTC());
        CaseSession session = new CaseSession(new io.sealtrail.app.ui.search.SearchViewModel(background, Runnable::run));
        ObjectProperty<ZoneId> shown = session.scope().zoneProperty();
        ZoneViewModel window = newViewModel(shown);
        window.follow(session);
        session.opening();
        session.opened(first);
        background.drain();
        window.choose(NEW_YORK);
        background.drain();

        session.opening();
        session.opened(second);
        background.drain();
        assertThat(shown.get()).isEqualTo(ZoneOffset.UTC);
        session.opening();
        session.opened(CaseFolder.open(tmp.resolve("first"), Clock.systemUTC()));
        background.drain();
        assertThat(shown.get()).isEqualTo(NEW_YORK);
    }

    @Test
    void damagedFilesAreAConvenienceLostNotAnError() throws Exception {
        Files.createDirectories(tmp.resolve("config"));
        Files.writeString(tmp.resolve("config").resolve(ZoneChoices.RECENT_FILE), "Not/AZone\n\nEurope/Berlin\n");
        Files.writeString(tmp.resolve("config").resolve(ZoneChoices.CASES_FILE), "no tab here\ncase-1\tNot/AZone\n");
        ZoneChoices files = new ZoneChoices(tmp.resolve("config"));
        assertThat(files.recent()).containsExactly(BERLIN);
        assertThat(files.forCase("case-1")).isEmpty();
    }
}

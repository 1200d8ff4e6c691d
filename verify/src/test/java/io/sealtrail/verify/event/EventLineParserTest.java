package io.sealtrail.verify.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.model.FindingCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which problems a line gets, where the answer depends on the field table and the record of what was
 * already reported; the differential test covers the rest against Jackson.
 */
class EventLineParserTest {
    private static final String PREV = "\"prev\":\"" + "0".repeat(64) + "\"";
    private static final String TIME = "\"time\":\"2026-03-02T06:00:00Z\"";
    private static final String EVENT = "\"event\":{\"action\":\"login\",\"outcome\":\"success\"}";

    private static List<LineProblem> problems(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return new EventLineParser().parse(b, 0, b.length).problems();
    }

    private static LineProblem missing(String path) {
        return new LineProblem(FindingCode.FIELD_MISSING, path + " is missing");
    }

    @Test
    void aCompleteLineHasNoProblems() {
        assertThat(problems("{\"seq\":0," + TIME + "," + PREV + "," + EVENT + "}")).isEmpty();
    }

    @Test
    void requiredFieldsAreReportedMissingInTableOrder() {
        assertThat(problems("{}")).containsExactly(missing("seq"), missing("time"), missing("prev"),
                missing("event.action"), missing("event.outcome"));
    }

    @Test
    void aRequiredFieldWithAnInvalidValueIsReportedInvalidNotAlsoMissing() {
        assertThat(problems("{\"seq\":\"1\"," + TIME + "," + PREV + ",\"event\":{\"action\":1,\"outcome\":\"won\"}}"))
                .extracting(LineProblem::code)
                .containsExactly(FindingCode.FIELD_INVALID, FindingCode.FIELD_INVALID, FindingCode.FIELD_INVALID);
    }

    @Test
    void aRepeatedSeqWhoseFirstValueIsNullIsReportedAsADuplicateNotAlsoMissing() {
        assertThat(problems("{\"seq\":null,\"seq\":1," + TIME + "," + PREV + "," + EVENT + "}"))
                .extracting(LineProblem::code).containsExactly(FindingCode.JSON_DUPLICATE_KEY);
    }

    @Test
    void aRepeatedKeyInsideAnUnknownFieldDoesNotHideAMissingSeq() {
        assertThat(problems("{" + TIME + "," + PREV + "," + EVENT + ",\"x\":{\"seq\":1,\"seq\":2}}"))
                .extracting(LineProblem::code).containsExactly(FindingCode.FIELD_UNKNOWN,
                        FindingCode.JSON_DUPLICATE_KEY, FindingCode.FIELD_MISSING);
    }

    @Test
    void anUnknownKeyNamedLikeARequiredFieldDoesNotHideItsAbsence() {
        assertThat(problems("{\"seq\":1," + TIME + "," + PREV + ",\"event\":{\"outcome\":\"success\","
                + "\"action x\":1,\"action x\":2}}"))
                .containsExactly(new LineProblem(FindingCode.FIELD_UNKNOWN, "unknown field event.action x"),
                        new LineProblem(FindingCode.JSON_DUPLICATE_KEY, "key event.action x appears twice; which"
                                + " value counts is ambiguous, so the event cannot be trusted"),
                        missing("event.action"));
    }

    @Test
    void anEventThatIsNotAnObjectLeavesItsRequiredFieldsMissing() {
        assertThat(problems("{\"seq\":1," + TIME + "," + PREV + ",\"event\":5}")).containsExactly(
                new LineProblem(FindingCode.FIELD_INVALID, "event must be an object"),
                missing("event.action"), missing("event.outcome"));
    }

    @Test
    void theTableNamesFiveRequiredFields() {
        assertThat(Arrays.stream(EventField.values()).filter(f -> f.required).map(f -> f.path))
                .containsExactly("seq", "time", "prev", "event.action", "event.outcome");
    }
}

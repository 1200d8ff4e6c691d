package io.sealtrail.verify.event;

import io.sealtrail.model.FindingCode;

/** A problem with one event line, before the caller knows the file and line number. */
public record LineProblem(FindingCode code, String message) {
}

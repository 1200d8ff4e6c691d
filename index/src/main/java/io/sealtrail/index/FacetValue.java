package io.sealtrail.index;

/** A value of a keyword field and how many matching events have it. */
public record FacetValue(String value, long count) {
}

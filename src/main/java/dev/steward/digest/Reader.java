package dev.steward.digest;

import java.time.ZoneId;
import java.util.Locale;

/** Who reads the digest: a section is written in their language and their time zone, and shows only what they may see. */
public record Reader(String personId, Locale locale, ZoneId zone) {
}

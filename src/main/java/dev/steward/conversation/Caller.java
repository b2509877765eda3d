package dev.steward.conversation;

import java.time.ZoneId;
import java.util.Locale;

/** A person the directory knows, as the kernel needs them: who, and in which language and zone. */
public record Caller(String personId, String name, Locale locale, ZoneId zone) {
}

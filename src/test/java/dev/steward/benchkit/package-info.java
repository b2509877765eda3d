/**
 * The benchmarks' shared kit ({@code bench/*.java} run with {@code java -cp target/test-classes}):
 * their options, Steward started from its jar as in a small container, its memory watched, its
 * database reached with the driver in its jar, the firm written with SQL, and a fake Slack Web API
 * that paces as Slack does. Plain JDK only: the benchmarks have nothing else on their class path.
 * Not an application module: it lives in the test sources, which Spring Modulith does not read.
 */
package dev.steward.benchkit;

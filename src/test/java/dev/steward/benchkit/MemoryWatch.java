package dev.steward.benchkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples a process's resident set size (VmRSS, kB) and thread count from /proc ten times a
 * second: the current value, the peak overall and the peak since a {@link #mark()}.
 */
public final class MemoryWatch {

	private final long pid;

	private final java.util.concurrent.ScheduledExecutorService sampler;

	private volatile long current;

	private volatile long peak;

	private volatile long peakSinceMark;

	private volatile int threads;

	private volatile int peakThreads;

	private MemoryWatch(long pid) {
		this.pid = pid;
		this.sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "memory-watch-" + pid);
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Watches the process with this id from now on. */
	public static MemoryWatch start(long pid) {
		var watch = new MemoryWatch(pid);
		watch.sampler.scheduleAtFixedRate(watch::sample, 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
		return watch;
	}

	private void sample() {
		try {
			for (var line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					current = Long.parseLong(line.replaceAll("\\D", ""));
					peak = Math.max(peak, current);
					peakSinceMark = Math.max(peakSinceMark, current);
				}
				else if (line.startsWith("Threads:")) {
					threads = Integer.parseInt(line.replaceAll("\\D", ""));
					peakThreads = Math.max(peakThreads, threads);
				}
			}
		}
		catch (IOException gone) {
			sampler.shutdown(); // the process is gone
		}
	}

	public void stop() {
		sampler.shutdownNow();
	}

	/** From now on, {@link #peakSinceMark()} and {@link #peakThreads()} start from the current values. */
	public void mark() {
		peakSinceMark = current;
		peakThreads = threads;
	}

	/** Resident memory now, kB. */
	public long current() {
		return current;
	}

	/** The most resident memory seen, kB. */
	public long peak() {
		return peak;
	}

	public long peakSinceMark() {
		return peakSinceMark;
	}

	public int threads() {
		return threads;
	}

	/** The most threads seen since the last mark. */
	public int peakThreads() {
		return peakThreads;
	}

	/** The process's CPU time so far, user and system (/proc/PID/stat, in clock ticks of 1/100 s). */
	public double cpuSeconds() {
		try {
			var stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

}

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

	private final Thread sampler;

	private volatile long current;

	private volatile long peak;

	private volatile long peakSinceMark;

	private volatile int threads;

	private volatile int peakThreads;

	private MemoryWatch(long pid) {
		this.pid = pid;
		this.sampler = new Thread(this::sample, "memory-watch-" + pid);
		this.sampler.setDaemon(true);
	}

	/** Watches the process with this id from now on. */
	public static MemoryWatch start(long pid) {
		var watch = new MemoryWatch(pid);
		watch.sampler.start();
		return watch;
	}

	private void sample() {
		var status = Path.of("/proc", String.valueOf(pid), "status");
		while (!Thread.currentThread().isInterrupted()) {
			try {
				for (var line : Files.readAllLines(status)) {
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
				Thread.sleep(100);
			}
			catch (InterruptedException | IOException ex) {
				return; // stopped, or the process is gone
			}
		}
	}

	public void stop() {
		sampler.interrupt();
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

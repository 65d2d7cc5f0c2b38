package io.betapool.measure;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

/**
 * Reads one thread's scheduler statistics from Linux's {@code /proc/self/task/<tid>/schedstat}:
 * nanoseconds on a CPU, nanoseconds runnable but waiting for a core, and time slices. The file is
 * kept open, so a read costs one positional {@code read} (about 1–2 µs), from any thread.
 *
 * <p>Not thread-safe: one reader per owner.
 */
public final class SchedStat implements AutoCloseable {

	private static final Path THREAD_SELF = Path.of("/proc/thread-self");

	private final FileChannel channel;

	private final ByteBuffer buffer = ByteBuffer.allocate(128);

	private long cpuNanos;

	private long runQueueNanos;

	private SchedStat(FileChannel channel) {
		this.channel = channel;
	}

	/**
	 * The Linux thread id of the calling thread, or -1 where there is none to be had. Call it from the
	 * thread itself, once: it reads a symbolic link.
	 */
	public static long currentThreadId() {
		try {
			Path link = Files.readSymbolicLink(THREAD_SELF);
			return Long.parseLong(link.getFileName().toString());
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * A reader for the thread with the given Linux id, or {@code null} when its statistics cannot be
	 * read (not Linux, scheduler statistics off, or the thread is gone).
	 */
	public static @Nullable SchedStat open(long linuxThreadId) {
		if (linuxThreadId < 0) {
			return null;
		}
		FileChannel channel = null;
		try {
			channel = FileChannel.open(Path.of("/proc/self/task/" + linuxThreadId + "/schedstat"),
					StandardOpenOption.READ);
			SchedStat stat = new SchedStat(channel);
			return stat.read() ? stat : closeQuietly(stat);
		}
		catch (IOException | RuntimeException ex) {
			if (channel != null) {
				try {
					channel.close();
				}
				catch (IOException ignored) {
					// nothing more to release
				}
			}
			return null;
		}
	}

	private static @Nullable SchedStat closeQuietly(SchedStat stat) {
		stat.close();
		return null;
	}

	/**
	 * Reads the current values; {@code false} when the file can no longer be read (the thread ended).
	 */
	public boolean read() {
		try {
			this.buffer.clear();
			int n = this.channel.read(this.buffer, 0);
			if (n <= 0) {
				return false;
			}
			return parse(this.buffer.array(), n);
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private boolean parse(byte[] bytes, int length) {
		long first = -1;
		long value = 0;
		boolean inNumber = false;
		for (int i = 0; i < length; i++) {
			byte b = bytes[i];
			if (b >= '0' && b <= '9') {
				value = value * 10 + (b - '0');
				inNumber = true;
			}
			else if (inNumber) {
				if (first >= 0) {
					this.cpuNanos = first;
					this.runQueueNanos = value;
					return true;
				}
				first = value;
				value = 0;
				inNumber = false;
			}
		}
		return false;
	}

	/** Nanoseconds the thread has spent on a CPU, as of the last {@link #read()}. */
	public long cpuNanos() {
		return this.cpuNanos;
	}

	/** Nanoseconds the thread has spent runnable but waiting for a core, as of the last {@link #read()}. */
	public long runQueueNanos() {
		return this.runQueueNanos;
	}

	@Override
	public void close() {
		try {
			this.channel.close();
		}
		catch (IOException ignored) {
			// nothing more to release
		}
	}

}

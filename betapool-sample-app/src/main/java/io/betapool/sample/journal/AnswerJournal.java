package io.betapool.sample.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Appends one line per answered question or classified frame to an journal file, each write forced to
 * the disk before the next, on the application's own {@code journalExecutor}: blocking I/O on a pool
 * BetaPool does not own. The file is a temporary one, emptied when it passes
 * {@value #MAX_BYTES} bytes and deleted when the application stops.
 */
@Component
public class AnswerJournal implements DisposableBean {

	/** Size past which the file starts over. */
	static final long MAX_BYTES = 8 * 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(AnswerJournal.class);

	private final ThreadPoolTaskExecutor executor;

	private final Path file;

	private final FileChannel channel;

	private final AtomicLong written = new AtomicLong();

	private final AtomicLong dropped = new AtomicLong();

	AnswerJournal(@Qualifier("journalExecutor") ThreadPoolTaskExecutor executor) throws IOException {
		this.executor = executor;
		this.file = Files.createTempFile("betapool-sample-journal-", ".log");
		this.channel = FileChannel.open(this.file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
	}

	/**
	 * Writes a line for {@code event} on the journal pool; when its queue is full the line is dropped and
	 * counted.
	 */
	public void record(String kind, String event) {
		String line = Instant.now() + " " + kind + " " + event.replace('\n', ' ') + "\n";
		try {
			this.executor.execute(() -> append(line));
		}
		catch (TaskRejectedException ex) {
			this.dropped.incrementAndGet();
		}
	}

	/** Lines written so far. */
	public long written() {
		return this.written.get();
	}

	/** Lines dropped because the journal pool's queue was full. */
	public long dropped() {
		return this.dropped.get();
	}

	private void append(String line) {
		try {
			synchronized (this.channel) {
				if (this.channel.size() > MAX_BYTES) {
					this.channel.truncate(0);
				}
				ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
				while (bytes.hasRemaining()) {
					this.channel.write(bytes);
				}
			}
			this.channel.force(false);
			this.written.incrementAndGet();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write to the journal file " + this.file, ex);
		}
	}

	@Override
	public void destroy() {
		try {
			this.channel.close();
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			logger.warn("Could not remove the journal file {}: {}", this.file, ex.toString());
		}
	}

}

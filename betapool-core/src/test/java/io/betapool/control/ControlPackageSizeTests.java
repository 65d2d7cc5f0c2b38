package io.betapool.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control law stays a pipeline of small parts: no source file of this package grows past 300 lines, so
 * that each part can be read, with its formula, at once.
 */
class ControlPackageSizeTests {

	private static final int MAX_LINES = 300;

	private static final Path PACKAGE = Path.of("src/main/java/io/betapool/control");

	@Test
	void everyPartOfTheControlLawFitsInThreeHundredLines() throws IOException {
		assertThat(PACKAGE).as("the control package's sources, from the module's directory").isDirectory();
		List<String> tooLong;
		try (Stream<Path> files = Files.list(PACKAGE)) {
			tooLong = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> lines(file) > MAX_LINES)
				.map((file) -> file.getFileName() + " (" + lines(file) + " lines)")
				.toList();
		}
		assertThat(tooLong).as("control classes over " + MAX_LINES + " lines").isEmpty();
	}

	private static long lines(Path file) {
		try {
			return Files.readAllLines(file).size();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + file, ex);
		}
	}

}

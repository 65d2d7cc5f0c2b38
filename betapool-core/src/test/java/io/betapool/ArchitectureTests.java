package io.betapool;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The core knows no framework, and its packages depend on each other in one direction:
 * {@code measure} and {@code workload} stand alone, {@code control} builds on the API records,
 * {@code internal} wires everything together.
 */
class ArchitectureTests {

	private final JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.betapool");

	@Test
	void coreDependsOnNeitherSpringNorMicrometer() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..", "org.slf4j..")
			.check(this.core);
	}

	@Test
	void onlyTheExecutorsUseTheInternalPackage() {
		noClasses().that()
			.resideInAnyPackage("io.betapool.control..", "io.betapool.measure..", "io.betapool.workload..",
					"io.betapool.demo..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.betapool.internal..")
			.check(this.core);
	}

	@Test
	void measurementAndWorkloadsStandAlone() {
		noClasses().that()
			.resideInAnyPackage("io.betapool.measure..", "io.betapool.workload..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.betapool.control..", "io.betapool.demo..")
			.check(this.core);
	}

	@Test
	void onlyTheCpuProbeTouchesOshi() {
		noClasses().that()
			.doNotHaveSimpleName("OshiCpuProbe")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("oshi..")
			.check(this.core);
	}

}

package io.betapool.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * Turns a {@code betapool.*} value that cannot be converted to its property's type, such as
 * {@code betapool.policy=fast}, into the starter's own failure analysis: the property, its value, where it
 * was set and what it accepts (for an enum, its values as they are written in configuration). It runs
 * before Spring Boot's generic analysis of binding failures, and leaves every other property to it.
 */
class BetaPoolBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		String name = cause.getName().toString();
		ConfigurationProperty property = cause.getProperty();
		if (!name.startsWith("betapool.") || property == null) {
			return null;
		}
		return InvalidBetaPoolPropertyFailureAnalyzer.analysis(name, property.getValue(), property.getOrigin(),
				allowed(cause.getTarget().getType()), cause);
	}

	static String allowed(ResolvableType type) {
		Class<?> target = type.resolve(Object.class);
		if (target.isEnum()) {
			String values = Arrays.stream(target.getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.collect(Collectors.joining(", "));
			return "one of " + values;
		}
		if (target == int.class || target == Integer.class || target == long.class || target == Long.class) {
			return "an integer";
		}
		if (target == double.class || target == Double.class) {
			return "a number";
		}
		if (target == boolean.class || target == Boolean.class) {
			return "true or false";
		}
		if (target == Duration.class) {
			return "a duration, such as 500ms, 2s or 1m";
		}
		return "a value of type " + target.getSimpleName();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

package io.betapool.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Turns an {@link InvalidBetaPoolPropertyException} into a failure analysis that names the property, its
 * value, where it was set and what it accepts.
 */
class InvalidBetaPoolPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBetaPoolPropertyException> {

	private final @Nullable Environment environment;

	InvalidBetaPoolPropertyFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidBetaPoolPropertyException cause) {
		return analysis(cause.getProperty(), cause.getValue(), findOrigin(cause.getProperty()), cause.getAllowed(),
				cause);
	}

	/**
	 * The analysis of one invalid property: its name, value, origin and what it accepts.
	 */
	static FailureAnalysis analysis(String property, @Nullable Object value, @Nullable Origin origin, String allowed,
			Throwable cause) {
		StringBuilder description = new StringBuilder();
		description.append("Invalid value for a BetaPool property:\n\n");
		description.append("    Property: ").append(property).append('\n');
		description.append("    Value: \"").append(value).append("\"\n");
		if (origin != null) {
			description.append("    Origin: ").append(origin).append('\n');
		}
		description.append("    Allowed: ").append(allowed).append('\n');
		String action = "Update your application's configuration: set '" + property + "' to " + allowed
				+ ", or remove it to use the default.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

	private @Nullable Origin findOrigin(String property) {
		if (this.environment == null) {
			return null;
		}
		String bare = property.replaceFirst("=.*", "");
		ConfigurationPropertyName name = ConfigurationPropertyName.isValid(bare) ? ConfigurationPropertyName.of(bare)
				: ConfigurationPropertyName.adapt(bare, '.');
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			ConfigurationProperty configured = source.getConfigurationProperty(name);
			if (configured != null) {
				return configured.getOrigin();
			}
		}
		return null;
	}

}

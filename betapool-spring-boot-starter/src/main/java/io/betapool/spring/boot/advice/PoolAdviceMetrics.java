package io.betapool.spring.boot.advice;

import java.util.Objects;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Binds, for each pool the {@link PoolAdvisor} observes, tagged {@code name} with its bean name:
 * {@code betapool.advice.threads} (the size the adaptive policy would choose) and
 * {@code betapool.advice.beta} (its workers' blocking ratio); both NaN before the first advice.
 */
public class PoolAdviceMetrics implements MeterBinder {

	private final PoolAdvisor advisor;

	public PoolAdviceMetrics(PoolAdvisor advisor) {
		this.advisor = Objects.requireNonNull(advisor, "advisor");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.advisor.whenObserved((name) -> {
			gauge(registry, "betapool.advice.threads", name,
					(advice) -> (advice.threads() != null) ? advice.threads() : Double.NaN)
				.description("Threads the adaptive policy would run in this pool, which it does not own")
				.baseUnit(BaseUnits.THREADS)
				.register(registry);
			gauge(registry, "betapool.advice.beta", name,
					(advice) -> (advice.beta() != null) ? advice.beta() : Double.NaN)
				.description("Blocking ratio (1 - cpu time / wall time) of the workers of a pool it does not own")
				.register(registry);
		});
	}

	private Gauge.Builder<PoolAdvisor> gauge(MeterRegistry registry, String meter, String name,
			ToDoubleFunction<PoolAdvice> value) {
		return Gauge.builder(meter, this.advisor, (advisor) -> {
			@Nullable PoolAdvice advice = advisor.advice(name);
			return (advice != null) ? value.applyAsDouble(advice) : Double.NaN;
		}).tag("name", name);
	}

}

package io.betapool.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port, without the demo plan, with fast backends, small workloads
 * and a short, fast history, shared by the API tests so that they run against one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.demo.enabled=false", "sample.backend.vector-search-latency=5ms",
				"sample.backend.llm-latency=10ms", "sample.backend.audit-latency=5ms", "sample.backend.jitter=0",
				"sample.load.io-latency=5ms", "sample.load.cpu-iterations=10000", "sample.load.inference-size=32",
				"sample.history.interval=100ms", "sample.history.size=5" })
public @interface SampleAppTest {

}

package io.betapool.control;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HysteresisTests {

	private final Hysteresis hysteresis = new Hysteresis(Samples.SETTINGS, 1);

	private long now = Long.MAX_VALUE - 5_000_000_000L;

	private final long keepAlive = Samples.SETTINGS.keepAlive().toNanos();

	@Test
	void keepsSpareThreadsForTheKeepAliveThenHalvesTheExcess() {
		assertThat(this.hysteresis.retire(40, 4, this.now)).isEqualTo(40);
		assertThat(this.hysteresis.retire(40, 4, this.now + this.keepAlive - 1)).isEqualTo(40);
		assertThat(this.hysteresis.retire(40, 4, this.now + this.keepAlive)).isEqualTo(22);
		assertThat(this.hysteresis.retire(22, 4, this.now + this.keepAlive + 1)).isEqualTo(13);
	}

	@Test
	void anExcessWithinTheDeadbandRetiresNothingAndRestartsTheClock() {
		this.hysteresis.retire(40, 4, this.now);
		assertThat(this.hysteresis.retire(40, 37, this.now + this.keepAlive / 2)).isEqualTo(40);
		assertThat(this.hysteresis.retire(40, 4, this.now + this.keepAlive)).isEqualTo(40);
	}

	@Test
	void aPoolThatNeededItsThreadsStartsItsKeepAliveAfresh() {
		this.hysteresis.retire(40, 4, this.now);
		this.hysteresis.reset();
		assertThat(this.hysteresis.retire(40, 4, this.now + this.keepAlive)).isEqualTo(40);
		assertThat(this.hysteresis.excessNanos(this.now + this.keepAlive)).isZero();
	}

}

package io.betapool.sample.history;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /history}: the recent samples of every adaptive pool and of the load, oldest first, which the
 * page draws when it opens.
 */
@RestController
public class HistoryController {

	private final PoolHistory history;

	HistoryController(PoolHistory history) {
		this.history = history;
	}

	/**
	 * The kept samples.
	 */
	@GetMapping("/history")
	public PoolHistory.History history() {
		return this.history.history();
	}

}

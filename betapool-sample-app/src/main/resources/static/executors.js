/*
 * The "Every pool" panel of the sample page: once a second, one row per executor that /actuator/betapool
 * describes — the application task executor, each named executor and the web server's pool — with its
 * threads, blocking ratio, throughput, queue and latest decision. Self-contained: the charts above follow
 * the application task executor alone.
 */
(function () {
	"use strict";

	const POLL_MILLIS = 1000;

	const roles = {
		applicationTaskExecutor: "@Async: RAG answers and edge inference",
		audit: "@Async(\"audit\"): audit records of answers",
		tomcat: "web requests: the API and the stand-in backends"
	};

	function number(value, digits) {
		return (value === null || value === undefined) ? "–" : Number(value).toFixed(digits);
	}

	function cell(row, text, className) {
		const td = document.createElement("td");
		td.textContent = text;
		if (className) {
			td.className = className;
		}
		row.appendChild(td);
	}

	function render(executors) {
		const body = document.querySelector("#executor-table tbody");
		const rows = Object.keys(executors).map((name) => {
			const state = executors[name];
			const metrics = state.metrics;
			const latest = (state.decisions || []).find((decision) => decision.action !== "HOLD");
			const row = document.createElement("tr");
			row.dataset.executor = name;
			cell(row, name);
			cell(row, roles[name] || "");
			cell(row, metrics.currentThreads + " (" + metrics.minWorkers + "–" + metrics.maxWorkers + ")", "threads");
			cell(row, number(metrics.avgBlockingRatio, 2));
			cell(row, number(metrics.throughput, 1));
			cell(row, String(metrics.queueSize));
			cell(row, latest ? latest.action : "–", "action");
			return row;
		});
		body.replaceChildren(...rows);
		const table = document.getElementById("executor-table");
		table.dataset.rows = String(rows.length);
		table.dataset.executors = Object.keys(executors).join(" ");
	}

	async function poll() {
		try {
			const response = await fetch("/actuator/betapool", { cache: "no-store", headers: { Accept: "application/json" } });
			if (response.ok) {
				render((await response.json()).executors || {});
			}
		}
		catch (ex) {
			// the main page shows the connection state; this panel keeps its last rows
		}
		finally {
			setTimeout(poll, POLL_MILLIS);
		}
	}

	poll();
})();

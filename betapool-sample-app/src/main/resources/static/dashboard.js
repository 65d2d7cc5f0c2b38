/*
 * The live page of the BetaPool sample application. When it opens it draws the recent past from
 * /history, which the application keeps; then once a second it reads the executor's state from
 * /actuator/betapool and the load driver's from /load, appends a point to every chart, shades the
 * charts by load phase, and prepends new controller decisions to the log.
 */
(function () {
	"use strict";

	const POLL_MILLIS = 1000;
	const WINDOW_SECONDS = 150;
	const MIN_SPAN_SECONDS = 30;
	const KEPT_POINTS = 900;
	const KEPT_DECISIONS = 400;
	const CHART_HEIGHT = 220;

	const colors = {
		threads: "#0f766e",
		target: "#14b8a6",
		bounds: "#a3aab5",
		beta: "#7c3aed",
		throughput: "#0891b2",
		p99: "#dc2626",
		p50: "#f59e0b",
		threshold: "#6a7381"
	};
	const bandColors = {
		rag: "rgba(37, 99, 235, 0.09)",
		io: "rgba(37, 99, 235, 0.09)",
		inference: "rgba(234, 88, 12, 0.10)",
		cpu: "rgba(234, 88, 12, 0.10)",
		mixed: "rgba(147, 51, 234, 0.09)",
		idle: "rgba(154, 161, 173, 0.12)"
	};
	const bandLabelColors = {
		rag: "#2563eb", io: "#2563eb", inference: "#c2410c", cpu: "#c2410c", mixed: "#7e22ce", idle: "#6a7381"
	};

	const store = {
		time: [], threads: [], target: [], min: [], max: [], beta: [], throughput: [], p99: [], p50: []
	};
	const phases = [];
	const decisions = [];
	let betaLowThreshold = 0.3;
	let newestDecisionMillis = -Infinity;

	const $ = (id) => document.getElementById(id);

	function formatNumber(value, digits) {
		if (value === null || value === undefined || Number.isNaN(value)) {
			return "–";
		}
		return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
	}

	function formatMillis(seconds) {
		if (seconds === null || seconds === undefined) {
			return "–";
		}
		const millis = seconds * 1000;
		return millis >= 100 ? formatNumber(millis, 0) + " ms" : formatNumber(millis, 1) + " ms";
	}

	/*
	 * Axis labels with as many decimals as the step between ticks needs, and no more: ticks 0.2 apart
	 * read 0.2, 0.4, 0.6 rather than 0, 0, 1.
	 */
	function stepDigits(values) {
		let step = Infinity;
		for (let i = 1; i < values.length; i++) {
			const gap = Math.abs(values[i] - values[i - 1]);
			if (gap > 0) {
				step = Math.min(step, gap);
			}
		}
		if (!Number.isFinite(step) || step >= 1) {
			return 0;
		}
		return Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
	}

	function tickLabels(format) {
		return (u, values) => {
			const digits = stepDigits(values);
			return values.map((v) => format(v, digits));
		};
	}

	/* Durations of the endpoint's configuration: "500ms", "2s", "1m", or ISO-8601 such as "PT0.5S". */
	function durationSeconds(value) {
		if (typeof value === "number") {
			return value;
		}
		if (typeof value !== "string") {
			return null;
		}
		const simple = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h|d)$/.exec(value.trim());
		if (simple) {
			const unit = { ns: 1e-9, us: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600, d: 86400 }[simple[2]];
			return Number(simple[1]) * unit;
		}
		const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(value.trim());
		if (iso) {
			return (Number(iso[1] || 0) * 3600) + (Number(iso[2] || 0) * 60) + Number(iso[3] || 0);
		}
		return null;
	}

	function clockTime(date) {
		const pad = (n, w) => String(n).padStart(w || 2, "0");
		return pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds()) + "."
			+ Math.floor(date.getMilliseconds() / 100);
	}

	/* Charts */

	function xRange(u, dataMin, dataMax) {
		if (dataMin === null || dataMax === null) {
			const now = Date.now() / 1000;
			return [now - MIN_SPAN_SECONDS, now];
		}
		const from = Math.max(dataMin, dataMax - WINDOW_SECONDS);
		return [from, Math.max(dataMax, from + MIN_SPAN_SECONDS)];
	}

	function visibleBands(u) {
		const { left, width } = u.bbox;
		return phases.map((phase) => ({
			phase,
			x0: Math.max(left, u.valToPos(phase.from, "x", true)),
			x1: Math.min(left + width, u.valToPos(phase.to, "x", true))
		})).filter((band) => band.x1 > band.x0);
	}

	function drawPhaseBands(u) {
		const ctx = u.ctx;
		const { top, height } = u.bbox;
		ctx.save();
		for (const band of visibleBands(u)) {
			ctx.fillStyle = bandColors[band.phase.workload] || bandColors.idle;
			ctx.fillRect(band.x0, top, band.x1 - band.x0, height);
		}
		ctx.restore();
	}

	function drawPhaseLabels(u) {
		const ctx = u.ctx;
		const pixel = devicePixelRatio;
		ctx.save();
		ctx.font = (11 * pixel) + "px system-ui, sans-serif";
		ctx.textBaseline = "top";
		ctx.textAlign = "left";
		for (const band of visibleBands(u)) {
			const label = band.phase.name;
			const textWidth = ctx.measureText(label).width;
			if (band.x1 - band.x0 < textWidth + 8 * pixel) {
				continue;
			}
			const x = band.x0 + 4 * pixel;
			const y = u.bbox.top + 4 * pixel;
			ctx.fillStyle = "rgba(255, 255, 255, 0.85)";
			ctx.fillRect(x - 2 * pixel, y - pixel, textWidth + 4 * pixel, 14 * pixel);
			ctx.fillStyle = bandLabelColors[band.phase.workload] || bandLabelColors.idle;
			ctx.fillText(label, x, y);
		}
		ctx.restore();
	}

	function drawBetaThreshold(u) {
		const ctx = u.ctx;
		const { left, width } = u.bbox;
		const y = u.valToPos(betaLowThreshold, "y", true);
		ctx.save();
		ctx.strokeStyle = colors.threshold;
		ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
		ctx.lineWidth = devicePixelRatio;
		ctx.beginPath();
		ctx.moveTo(left, y);
		ctx.lineTo(left + width, y);
		ctx.stroke();
		ctx.setLineDash([]);
		ctx.fillStyle = colors.threshold;
		ctx.font = (11 * devicePixelRatio) + "px system-ui, sans-serif";
		ctx.textBaseline = "bottom";
		ctx.textAlign = "right";
		ctx.fillText("CPU-bound below " + betaLowThreshold, left + width - 4 * devicePixelRatio, y - 2 * devicePixelRatio);
		ctx.restore();
	}

	/* Remembers the labels an axis drew last, so that a test can read what the canvas shows. */
	function recordedLabels(figure, attribute, labels) {
		return (u, values, axis, space, incr) => {
			const texts = labels(u, values, axis, space, incr);
			figure.setAttribute(attribute, JSON.stringify(texts));
			return texts;
		};
	}

	function makeChart(id, series, options) {
		const figure = $(id);
		const target = figure.querySelector(".plot");
		const xLabels = (u, splits) => splits.map((s) => clockTime(new Date(s * 1000)).slice(0, 8));
		const opts = {
			width: Math.max(300, target.clientWidth),
			height: CHART_HEIGHT,
			legend: { live: false },
			cursor: { drag: { x: false, y: false } },
			scales: {
				x: { time: true, range: xRange },
				y: options.yRange ? { range: options.yRange } : { auto: true }
			},
			axes: [
				{
					stroke: "#6a7381", grid: { stroke: "#eef0f3" }, ticks: { stroke: "#e3e6eb" }, space: 80,
					incrs: [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600],
					values: recordedLabels(figure, "data-x-ticks", xLabels)
				},
				Object.assign({
					stroke: "#6a7381", grid: { stroke: "#eef0f3" }, ticks: { stroke: "#e3e6eb" }, size: options.axisSize || 48,
					space: 28,
					values: recordedLabels(figure, "data-y-ticks", options.yValues)
				}, options.yIncrs ? { incrs: options.yIncrs } : {})
			],
			series: [{}].concat(series.map((line) => Object.assign({ points: { show: false } }, line))),
			hooks: {
				drawClear: [drawPhaseBands],
				draw: [options.phaseLabels ? drawPhaseLabels : null, options.draw || null].filter((hook) => hook)
			}
		};
		const chart = new uPlot(opts, [[]].concat(series.map(() => [])), target);
		return { figure, target, chart, keys: options.keys };
	}

	const fromZero = (u, dataMin, dataMax) => [0, (dataMax === null || dataMax <= 0) ? 1 : dataMax * 1.1];
	const fromZeroWithRoomForLabels = (u, dataMin, dataMax) => [0, (dataMax === null || dataMax <= 0) ? 1 : dataMax * 1.22];

	const charts = [
		makeChart("chart-threads", [
			{ label: "threads", stroke: colors.threads, width: 2.5 },
			{ label: "target", stroke: colors.target, width: 1.5, dash: [6, 4] },
			{ label: "min", stroke: colors.bounds, width: 1, dash: [2, 3] },
			{ label: "max", stroke: colors.bounds, width: 1, dash: [2, 3] }
		], {
			keys: ["threads", "target", "min", "max"], yRange: fromZeroWithRoomForLabels, phaseLabels: true,
			yIncrs: [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000],
			yValues: (u, values) => values.map((v) => formatNumber(v, 0))
		}),
		makeChart("chart-beta", [
			{ label: "β", stroke: colors.beta, width: 2, fill: "rgba(124, 58, 237, 0.08)" }
		], {
			keys: ["beta"], yRange: [0, 1], draw: drawBetaThreshold,
			yValues: tickLabels((v, digits) => formatNumber(v, Math.max(1, digits)))
		}),
		makeChart("chart-throughput", [
			{ label: "tasks/s", stroke: colors.throughput, width: 2, fill: "rgba(8, 145, 178, 0.08)" }
		], {
			keys: ["throughput"], yRange: fromZero,
			yValues: tickLabels(formatNumber)
		}),
		makeChart("chart-latency", [
			{ label: "p99", stroke: colors.p99, width: 2 },
			{ label: "p50", stroke: colors.p50, width: 1.5 }
		], {
			keys: ["p99", "p50"], yRange: fromZero, axisSize: 64,
			yValues: (u, values) => {
				const seconds = values.length > 0 && Math.max(...values) >= 1000;
				const digits = stepDigits(values.map((v) => seconds ? v / 1000 : v));
				return values.map((v) => seconds ? formatNumber(v / 1000, digits) + " s" : formatNumber(v, digits) + " ms");
			}
		})
	];

	function redrawCharts() {
		for (const entry of charts) {
			const data = [store.time].concat(entry.keys.map((key) => store[key]));
			entry.chart.setData(data);
			const points = store[entry.keys[0]].filter((v) => v !== null && v !== undefined).length;
			entry.figure.setAttribute("data-points", String(points));
		}
	}

	function resizeCharts() {
		for (const entry of charts) {
			entry.chart.setSize({ width: Math.max(300, entry.target.clientWidth), height: CHART_HEIGHT });
		}
	}

	window.addEventListener("resize", resizeCharts);

	/* Executor */

	function pickExecutor(body, preferred) {
		const executors = (body && body.executors) || {};
		const names = Object.keys(executors);
		if (names.length === 0) {
			return null;
		}
		const wanted = preferred || "applicationTaskExecutor";
		const name = names.includes(wanted) ? wanted : names[0];
		return { name, state: executors[name] };
	}

	function recordMetrics(now, metrics) {
		store.time.push(now);
		store.threads.push(metrics.currentThreads);
		store.target.push(metrics.targetThreads);
		store.min.push(metrics.minWorkers);
		store.max.push(metrics.maxWorkers);
		store.beta.push(metrics.avgBlockingRatio);
		store.throughput.push(metrics.throughput);
		store.p99.push(metrics.p99Latency === null ? null : metrics.p99Latency * 1000);
		store.p50.push(metrics.p50Latency === null ? null : metrics.p50Latency * 1000);
		if (store.time.length > KEPT_POINTS) {
			for (const key of Object.keys(store)) {
				store[key].shift();
			}
		}
	}

	function showTiles(metrics) {
		$("tile-threads").textContent = formatNumber(metrics.currentThreads, 0);
		$("tile-threads-sub").textContent = "target " + metrics.targetThreads + " · min " + metrics.minWorkers
			+ " · max " + metrics.maxWorkers;
		$("tile-beta").textContent = formatNumber(metrics.avgBlockingRatio, 2);
		$("tile-throughput").textContent = formatNumber(metrics.throughput, 1);
		$("tile-latency").textContent = formatMillis(metrics.p99Latency);
		$("tile-latency-sub").textContent = "p50 " + formatMillis(metrics.p50Latency);
		$("tile-queue").textContent = formatNumber(metrics.queueSize, 0);
		$("tile-cpu").textContent = metrics.cpuUtilization === null ? "–" : formatNumber(metrics.cpuUtilization, 0) + " %";
	}

	/* Advice on the application's own pools */

	function showAdvice(advice) {
		const list = $("advice-list");
		const pools = (advice && advice.pools) || {};
		const names = Object.keys(pools);
		list.setAttribute("data-entries", String(names.length));
		if (names.length === 0) {
			return;
		}
		list.replaceChildren(...names.map((name) => {
			const pool = pools[name];
			const item = document.createElement("li");
			item.setAttribute("data-pool", name);
			const head = document.createElement("span");
			head.className = "advice-head";
			const code = document.createElement("code");
			code.textContent = name;
			const beta = pool.beta === null || pool.beta === undefined ? "" : " · β " + formatNumber(pool.beta, 2);
			head.append(code, " runs " + pool.currentThreads + " threads" + beta);
			const why = document.createElement("span");
			why.className = "advice-why";
			why.textContent = pool.advice;
			item.append(head, why);
			return item;
		}));
	}

	/* Decisions */

	function decisionRow(decision) {
		const row = document.createElement("tr");
		row.className = decision.action;
		const cells = [
			clockTime(new Date(decision.timestamp)),
			null,
			decision.threadsBefore === decision.threadsAfter ? String(decision.threadsAfter)
				: decision.threadsBefore + " → " + decision.threadsAfter,
			formatNumber(decision.blockingRatio, 2),
			decision.cpuPercent === null ? "–" : formatNumber(decision.cpuPercent, 0) + " %",
			decision.reason
		];
		cells.forEach((text, index) => {
			const cell = document.createElement("td");
			if (index === 1) {
				const badge = document.createElement("span");
				badge.className = "action";
				badge.textContent = decision.action.replace("_", " ");
				cell.appendChild(badge);
			}
			else {
				cell.textContent = text;
			}
			if (index === 5) {
				cell.className = "reason";
			}
			row.appendChild(cell);
		});
		return row;
	}

	function recordDecisions(newestFirst) {
		const fresh = [];
		for (const decision of newestFirst || []) {
			const millis = Date.parse(decision.timestamp);
			if (!(millis > newestDecisionMillis)) {
				break;
			}
			fresh.push(decision);
		}
		if (fresh.length === 0) {
			return;
		}
		newestDecisionMillis = Date.parse(fresh[0].timestamp);
		const body = $("decision-log").querySelector("tbody");
		for (let i = fresh.length - 1; i >= 0; i--) {
			decisions.unshift(fresh[i]);
			body.insertBefore(decisionRow(fresh[i]), body.firstChild);
		}
		while (decisions.length > KEPT_DECISIONS) {
			decisions.pop();
			body.removeChild(body.lastChild);
		}
		updateDecisionCounts();
	}

	function updateDecisionCounts() {
		const table = $("decision-log");
		const showHolds = $("show-holds").checked;
		const visible = decisions.filter((d) => showHolds || d.action !== "HOLD").length;
		table.setAttribute("data-entries", String(decisions.length));
		table.setAttribute("data-visible", String(visible));
		$("decision-empty").style.display = visible > 0 ? "none" : "";
		$("decision-empty").textContent = decisions.length === 0
			? "No decision yet: the controller waits for its first tasks."
			: "Only holds so far: the pool is at the size its work needs.";
	}

	$("show-holds").addEventListener("change", (event) => {
		$("decision-log").classList.toggle("hide-holds", !event.target.checked);
		updateDecisionCounts();
	});

	/* Load phase */

	function recordPhase(now, status) {
		const phase = status && status.running ? status.phase : null;
		const last = phases.length > 0 ? phases[phases.length - 1] : null;
		if (phase === null) {
			if (last) {
				last.open = false;
			}
			return;
		}
		const key = status.startedAt + "/" + status.cycle + "/" + phase.index;
		if (last && last.open && last.key === key) {
			last.to = now;
			return;
		}
		const from = now - phase.elapsedSeconds;
		if (last && last.open) {
			last.to = Math.min(now, Math.max(last.from, from));
			last.open = false;
		}
		phases.push({ key, name: phase.name, workload: phase.workload, from, to: now, open: true });
		const oldest = store.time.length > 0 ? store.time[0] : now;
		while (phases.length > 1 && phases[0].to < oldest) {
			phases.shift();
		}
	}

	function showPhase(status) {
		const phase = status && status.running ? status.phase : null;
		const name = $("phase-name");
		const plan = $("phase-plan");
		if (!status || status.state === "none" || !status.plan) {
			name.textContent = "no load";
			name.setAttribute("data-workload", "");
			$("phase-detail").textContent = "POST a plan to /load to start one";
			$("phase-progress").style.width = "0";
			plan.replaceChildren();
			$("phase-counts").textContent = "";
			return;
		}
		name.setAttribute("data-cycle", String(status.cycle));
		if (phase) {
			name.textContent = phase.name;
			name.setAttribute("data-workload", phase.workload);
			const rate = phase.workload === "idle" ? "no tasks" : formatNumber(phase.ratePerSecond, 0) + " " + phase.workload + " tasks/s";
			$("phase-detail").textContent = rate + " · " + formatNumber(phase.elapsedSeconds, 0) + " of "
				+ formatNumber(phase.durationSeconds, 0) + " s" + (status.plan.repeat ? " · cycle " + status.cycle : "");
			const progress = $("phase-progress");
			progress.style.width = Math.min(100, 100 * phase.elapsedSeconds / phase.durationSeconds) + "%";
			progress.style.background = bandLabelColors[phase.workload] || bandLabelColors.idle;
		}
		else {
			name.textContent = status.running ? "starting" : status.state;
			name.setAttribute("data-workload", "");
			$("phase-detail").textContent = status.running ? "the first phase begins in a moment" : "the plan is not running";
			$("phase-progress").style.width = "0";
		}
		const items = status.plan.phases.map((p, index) => {
			const item = document.createElement("li");
			item.setAttribute("data-workload", p.workload);
			item.textContent = p.name + " · " + formatNumber(p.durationSeconds, 0) + " s";
			if (phase && phase.index === index) {
				item.className = "current";
			}
			return item;
		});
		if (status.plan.repeat) {
			const again = document.createElement("li");
			again.textContent = "↻ repeat";
			items.push(again);
		}
		plan.replaceChildren(...items);
		const counts = [
			["submitted", status.submitted], ["completed", status.completed],
			["failed", status.failed], ["rejected", status.rejected]
		];
		$("phase-counts").textContent = counts.map(([label, value]) => formatNumber(value, 0) + "\u00a0" + label).join(" · ");
	}

	/* Polling */

	async function fetchJson(url) {
		const response = await fetch(url, { cache: "no-store", headers: { Accept: "application/json" } });
		if (!response.ok) {
			throw new Error(url + " answered " + response.status);
		}
		return response.json();
	}

	function showConnection(live, message) {
		const connection = $("connection");
		connection.setAttribute("data-state", live ? "live" : "offline");
		connection.textContent = message;
	}

	async function poll() {
		const started = Date.now();
		const [pool, load] = await Promise.allSettled([fetchJson("/actuator/betapool"), fetchJson("/load")]);
		const now = Date.now() / 1000;
		if (pool.status === "fulfilled") {
			const executor = pickExecutor(pool.value);
			if (executor) {
				$("executor-name").textContent = executor.name;
				const configuration = executor.state.configuration || {};
				if (typeof configuration.betaLowThreshold === "number") {
					betaLowThreshold = configuration.betaLowThreshold;
				}
				const interval = durationSeconds(configuration.monitorInterval);
				if (interval !== null) {
					$("monitor-interval").textContent = formatNumber(interval, 1).replace(/\.0$/, "") + " s";
				}
				recordMetrics(now, executor.state.metrics);
				showTiles(executor.state.metrics);
				recordDecisions(executor.state.decisions);
			}
			showAdvice(pool.value.advice);
			showConnection(true, "live · " + clockTime(new Date()));
		}
		else {
			showConnection(false, "offline · " + pool.reason.message);
		}
		if (load.status === "fulfilled") {
			recordPhase(now, load.value);
			showPhase(load.value);
		}
		if (pool.status === "fulfilled") {
			redrawCharts();
		}
		setTimeout(poll, Math.max(0, POLL_MILLIS - (Date.now() - started)));
	}

	/* Fills the charts from the history the application keeps, before the first poll. */
	async function loadHistory() {
		try {
			const history = await fetchJson("/history");
			const name = $("executor-name").textContent;
			for (const sample of history.samples || []) {
				const executor = pickExecutor({ executors: sample.executors }, name);
				if (executor) {
					recordMetrics(sample.time, executor.state);
				}
				recordPhase(sample.time, sample.load);
			}
			redrawCharts();
		}
		catch (error) {
			showConnection(false, "no history · " + error.message);
		}
	}

	loadHistory().finally(poll);
})();

// The dashboard page: polls the JSON API and redraws the charts in place (no reload, no internet access).
(function () {
    'use strict';

    const PALETTE = ['#c62828', '#1565c0', '#2e7d32', '#f9a825', '#6a1b9a', '#00838f', '#ef6c00', '#4e342e',
        '#ad1457', '#283593', '#558b2f', '#37474f'];
    const money = new Intl.NumberFormat(undefined, {style: 'currency', currency: 'USD'});
    const count = new Intl.NumberFormat();
    const percent = new Intl.NumberFormat(undefined, {style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1});
    const controls = ['windowKind', 'range', 'groupBy', 'storeId', 'department'].map(id => document.getElementById(id));
    const status = document.getElementById('status');
    let charts = null;
    let timer = null;
    let refreshSeconds = 5;
    // Lines the user showed or hid from a legend (label -> visible), kept across refreshes until the view changes.
    const chosen = new Map();

    function lineChart(canvasId, yTitle) {
        return new Chart(document.getElementById(canvasId), {
            type: 'line',
            data: {labels: [], datasets: []},
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                interaction: {mode: 'nearest', intersect: false},
                scales: {y: {beginAtZero: true, title: {display: true, text: yTitle}}},
                plugins: {legend: {position: 'bottom', onClick: toggleSeries}}
            }
        });
    }

    /** A legend click shows or hides the line in both trend charts. */
    function toggleSeries(event, item, legend) {
        const label = legend.chart.data.datasets[item.datasetIndex].label;
        chosen.set(label, !legend.chart.isDatasetVisible(item.datasetIndex));
        for (const chart of [charts.revenue, charts.units]) {
            chart.data.datasets.forEach(d => d.hidden = !isShown(d.label, chart.shownFirst));
            chart.update();
        }
        describeShown();
    }

    function isShown(label, shownFirst) {
        return chosen.has(label) ? chosen.get(label) : shownFirst.includes(label);
    }

    function describeShown() {
        const all = charts.revenue.data.datasets;
        const visible = all.filter(d => !d.hidden).length;
        document.getElementById('series-hint').textContent = all.length > visible
            ? visible + ' of ' + all.length + ' lines shown (the most revenue first); click a name below a chart to show or hide its line.'
            : '';
    }

    function conversionsChart() {
        return new Chart(document.getElementById('conversions-chart'), {
            type: 'bar',
            data: {labels: [], datasets: [{label: 'Conversions', data: [], backgroundColor: PALETTE[1]}]},
            options: {
                indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
                scales: {x: {beginAtZero: true, ticks: {precision: 0}}},
                plugins: {legend: {display: false}}
            }
        });
    }

    function windowLabel(instant, from, until) {
        const long = new Date(until) - new Date(from) > 24 * 3600 * 1000;
        return new Date(instant).toLocaleString(undefined, long
            ? {month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit'}
            : {hour: '2-digit', minute: '2-digit'});
    }

    async function json(url) {
        const response = await fetch(url, {headers: {Accept: 'application/json'}});
        if (!response.ok) {
            let detail = response.statusText;
            try {
                detail = (await response.json()).detail || detail;
            } catch (ignored) {
                // not a problem+json body
            }
            throw new Error(response.status + ' ' + detail);
        }
        return response.json();
    }

    function fillSelect(select, values, firstLabel) {
        const chosen = select.value;
        const options = (firstLabel === null ? [] : [['', firstLabel]]).concat(values.map(v => [v, v]));
        if (chosen && !values.includes(chosen) && chosen !== '') {
            options.push([chosen, chosen]);
        }
        const current = Array.from(select.options).map(o => o.value).join('\n');
        if (current !== options.map(o => o[0]).join('\n')) {
            select.replaceChildren(...options.map(([value, text]) => new Option(text, value)));
        }
        select.value = chosen;
    }

    function query(...without) {
        const params = new URLSearchParams();
        controls.forEach(select => {
            if (select.value && !without.includes(select.name)) {
                params.set(select.name, select.value);
            }
        });
        return params.toString();
    }

    function drawTrends(chart) {
        const labels = chart.windows.map(w => windowLabel(w, chart.from, chart.until));
        for (const [target, field] of [[charts.revenue, 'revenue'], [charts.units, 'units']]) {
            target.data.labels = labels;
            target.shownFirst = chart.shownSeries;
            // The legend lists every line (dozens in a store-and-department view): the chart grows with it.
            target.canvas.parentNode.style.height = (260 + 24 * Math.max(0, Math.ceil(chart.series.length / 8) - 1)) + 'px';
            target.data.datasets = chart.series.map((series, i) => ({
                label: series.label,
                data: series[field].map(Number),
                borderColor: PALETTE[i % PALETTE.length],
                backgroundColor: PALETTE[i % PALETTE.length],
                hidden: !isShown(series.label, chart.shownSeries),
                tension: 0,
                pointRadius: 3
            }));
            target.update();
        }
        describeShown();
        document.getElementById('kpi-revenue').textContent = money.format(Number(chart.totalRevenue));
        document.getElementById('kpi-units').textContent = count.format(chart.totalUnits);
        document.getElementById('revenue-chart').dataset.windows = chart.windows.join(',');
    }

    function drawCampaigns(campaigns) {
        charts.conversions.data.labels = campaigns.map(c => c.campaignId);
        charts.conversions.data.datasets[0].data = campaigns.map(c => c.conversionCount);
        charts.conversions.update();
        document.getElementById('kpi-conversions').textContent =
            count.format(campaigns.reduce((sum, c) => sum + c.conversionCount, 0));
        const rows = campaigns.map(c => {
            const row = cells(document.createElement('tr'), [[c.campaignId, false],
                [count.format(c.conversionCount), true], [money.format(Number(c.attributedRevenue)), true],
                [new Date(c.lastConversionAt).toLocaleString(), false]]);
            row.dataset.campaign = c.campaignId;
            return row;
        });
        document.querySelector('#campaigns tbody').replaceChildren(...rows);
    }

    function cells(row, values) {
        for (const [text, numeric] of values) {
            const cell = document.createElement('td');
            cell.textContent = text;
            if (numeric) {
                cell.className = 'number';
            }
            row.appendChild(cell);
        }
        return row;
    }

    function drawTopItems(topItems) {
        const tables = topItems.stores.map(store => {
            const table = document.createElement('table');
            table.dataset.store = store.storeId;
            table.createCaption().textContent = store.storeId;
            const head = table.createTHead().insertRow();
            for (const [text, numeric] of [['#', false], ['Item', false], ['Units', true], ['Revenue', true]]) {
                const th = document.createElement('th');
                th.textContent = text;
                th.className = numeric ? 'number' : '';
                head.appendChild(th);
            }
            const body = table.createTBody();
            store.items.forEach((item, i) => {
                const row = cells(document.createElement('tr'), [[String(i + 1), false], [item.productName, false],
                    [count.format(item.units), true], [money.format(Number(item.revenue)), true]]);
                row.dataset.sku = item.sku;
                row.title = item.sku;
                body.appendChild(row);
            });
            return table;
        });
        if (tables.length === 0) {
            const empty = document.createElement('p');
            empty.className = 'empty';
            empty.textContent = 'No sales in this range.';
            tables.push(empty);
        }
        document.getElementById('top-items').replaceChildren(...tables);
    }

    function drawFunnels(funnels) {
        const rows = funnels.map(f => {
            const row = cells(document.createElement('tr'), [[f.campaignId, false],
                [count.format(f.emailsOpened), true], [count.format(f.linksClicked), true],
                [count.format(f.couponsActivated), true], [count.format(f.couponsPrinted), true],
                [count.format(f.purchases), true],
                [f.conversionRate === null ? '–' : percent.format(Number(f.conversionRate)), true]]);
            row.dataset.campaign = f.campaignId;
            return row;
        });
        document.querySelector('#funnels tbody').replaceChildren(...rows);
    }

    async function refresh() {
        clearTimeout(timer);
        try {
            const dimensions = await json('/api/trends/dimensions');
            fillSelect(document.getElementById('windowKind'), dimensions.windowKinds, null);
            fillSelect(document.getElementById('storeId'), dimensions.stores, 'all stores');
            fillSelect(document.getElementById('department'), dimensions.departments, 'all departments');
            const [trends, campaigns, topItems, funnels] = await Promise.all([json('/api/trends?' + query()),
                json('/api/campaign-conversions'), json('/api/top-items?' + query('groupBy')),
                json('/api/campaign-funnels')]);
            drawTrends(trends);
            drawCampaigns(campaigns);
            drawTopItems(topItems);
            drawFunnels(funnels);
            status.className = '';
            status.textContent = 'Updated ' + new Date().toLocaleTimeString() + ' · every ' + refreshSeconds + ' s';
            document.body.dataset.refreshes = String(Number(document.body.dataset.refreshes) + 1);
        } catch (e) {
            status.className = 'error';
            status.textContent = 'Cannot load the figures: ' + e.message;
        } finally {
            timer = setTimeout(refresh, refreshSeconds * 1000);
        }
    }

    async function start() {
        charts = {
            revenue: lineChart('revenue-chart', 'Revenue'),
            units: lineChart('units-chart', 'Units'),
            conversions: conversionsChart()
        };
        try {
            const settings = await json('/api/page-settings');
            refreshSeconds = settings.refreshSeconds;
            fillSelect(document.getElementById('windowKind'), [settings.defaultWindowKind], null);
            document.getElementById('windowKind').value = settings.defaultWindowKind;
            document.getElementById('range').value = settings.defaultRange;
        } catch (e) {
            status.className = 'error';
            status.textContent = 'Cannot load the settings: ' + e.message;
        }
        controls.forEach(select => select.addEventListener('change', () => {
            chosen.clear();
            refresh();
        }));
        refresh();
    }

    document.addEventListener('DOMContentLoaded', start);
})();

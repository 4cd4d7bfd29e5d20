// The dashboard page: polls the JSON API and redraws the charts in place (no reload, no internet access).
(function () {
    'use strict';

    const PALETTE = ['#c62828', '#1565c0', '#2e7d32', '#f9a825', '#6a1b9a', '#00838f', '#ef6c00', '#4e342e',
        '#ad1457', '#283593', '#558b2f', '#37474f'];
    const money = new Intl.NumberFormat(undefined, {style: 'currency', currency: 'USD'});
    const count = new Intl.NumberFormat();
    const controls = ['windowKind', 'range', 'groupBy', 'storeId', 'department'].map(id => document.getElementById(id));
    const status = document.getElementById('status');
    let charts = null;
    let timer = null;
    let refreshSeconds = 5;

    function lineChart(canvasId, yTitle) {
        return new Chart(document.getElementById(canvasId), {
            type: 'line',
            data: {labels: [], datasets: []},
            options: {
                responsive: true, maintainAspectRatio: false, animation: false,
                interaction: {mode: 'nearest', intersect: false},
                scales: {y: {beginAtZero: true, title: {display: true, text: yTitle}}},
                plugins: {legend: {position: 'bottom'}}
            }
        });
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

    function query() {
        const params = new URLSearchParams();
        controls.forEach(select => {
            if (select.value) {
                params.set(select.name, select.value);
            }
        });
        return params.toString();
    }

    function drawTrends(chart) {
        const labels = chart.windows.map(w => windowLabel(w, chart.from, chart.until));
        for (const [target, field] of [[charts.revenue, 'revenue'], [charts.units, 'units']]) {
            target.data.labels = labels;
            target.data.datasets = chart.series.map((series, i) => ({
                label: series.label,
                data: series[field].map(Number),
                borderColor: PALETTE[i % PALETTE.length],
                backgroundColor: PALETTE[i % PALETTE.length],
                tension: 0,
                pointRadius: 3
            }));
            target.update();
        }
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
            const row = document.createElement('tr');
            row.dataset.campaign = c.campaignId;
            for (const [text, numeric] of [[c.campaignId, false], [count.format(c.conversionCount), true],
                [money.format(Number(c.attributedRevenue)), true], [new Date(c.lastConversionAt).toLocaleString(), false]]) {
                const cell = document.createElement('td');
                cell.textContent = text;
                if (numeric) {
                    cell.className = 'number';
                }
                row.appendChild(cell);
            }
            return row;
        });
        document.querySelector('#campaigns tbody').replaceChildren(...rows);
    }

    async function refresh() {
        clearTimeout(timer);
        try {
            const dimensions = await json('/api/trends/dimensions');
            fillSelect(document.getElementById('windowKind'), dimensions.windowKinds, null);
            fillSelect(document.getElementById('storeId'), dimensions.stores, 'all stores');
            fillSelect(document.getElementById('department'), dimensions.departments, 'all departments');
            const [trends, campaigns] = await Promise.all([json('/api/trends?' + query()),
                json('/api/campaign-conversions')]);
            drawTrends(trends);
            drawCampaigns(campaigns);
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
        controls.forEach(select => select.addEventListener('change', refresh));
        refresh();
    }

    document.addEventListener('DOMContentLoaded', start);
})();

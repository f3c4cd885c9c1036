// The trend chart of the leader dashboard: the page embeds its points as JSON (#trend-data).
(function () {
  var points = JSON.parse(document.getElementById('trend-data').textContent);
  var chart = echarts.init(document.getElementById('trend'));
  function series(name, key) {
    return { name: name, type: 'line', connectNulls: true,
      data: points.map(function (p) { return p.rates[key] == null ? null : Math.round(p.rates[key] * 1000) / 10; }) };
  }
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: ['响应率', '解决率', '满意率', '按期办结率'] },
    xAxis: { type: 'category', data: points.map(function (p) { return p.period; }) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: function (v) { return v + '%'; } } },
    series: [series('响应率', 'RESPONSE_RATE'), series('解决率', 'RESOLUTION_RATE'),
      series('满意率', 'SATISFACTION_RATE'), series('按期办结率', 'ON_TIME_COMPLETION')]
  });
})();

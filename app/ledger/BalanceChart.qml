import QtQuick
import Formance.Desk
import QtCharts

// An account's balance after each of its latest transactions.
ChartView {
    id: chart
    property var points: []
    property string asset: ""
    antialiasing: true
    legend.visible: false
    backgroundColor: Style.surface
    titleColor: Style.text
    title: asset !== "" ? qsTr("Balance over time (%1)").arg(asset) : ""

    function rebuild() {
        series.clear()
        if (points.length === 0)
            return
        let min = points[0].value, max = points[0].value
        for (const p of points) {
            series.append(p.time, p.value)
            min = Math.min(min, p.value)
            max = Math.max(max, p.value)
        }
        xAxis.min = new Date(points[0].time)
        xAxis.max = new Date(points[points.length - 1].time + 1)
        const pad = (max - min) * 0.05 || Math.abs(max) * 0.05 || 1
        yAxis.min = min - pad
        yAxis.max = max + pad
    }
    onPointsChanged: rebuild()

    // qmllint disable
    // (Qt 6.4's QtCharts qmltypes do not resolve ValueAxis, nor the axes' label properties.)
    DateTimeAxis { id: xAxis; format: "MMM d"; labelsColor: Style.text; tickCount: 5 }
    ValueAxis { id: yAxis; labelsColor: Style.text; labelFormat: "%.2f" }
    LineSeries { id: series; axisX: xAxis; axisY: yAxis; color: Style.accent; width: 2 }
    // qmllint enable
}

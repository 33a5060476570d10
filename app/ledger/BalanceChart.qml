import QtQuick
import QtQuick.Layouts
import Formance.Desk
import QtCharts

// An account's balance after each of its latest transactions. The points arrive placed: each a
// `position` between the lowest and highest balance, computed exactly in C++ (never a figure
// through a double); the axis shows those two balances as exact text.
Item {
    id: root
    property var points: []
    property string asset: ""
    property string minText: ""
    property string maxText: ""
    property int steps: 10000

    function rebuild() {
        series.clear()
        if (points.length === 0)
            return
        for (const p of points)
            series.append(p.time, p.position)
        xAxis.min = new Date(points[0].time)
        xAxis.max = new Date(points[points.length - 1].time + 1)
    }
    onPointsChanged: rebuild()

    RowLayout {
        anchors.fill: parent
        spacing: Style.spaceS
        ColumnLayout {
            objectName: "balanceChartScale"
            Layout.fillHeight: true
            Layout.preferredWidth: Math.max(maxLabel.implicitWidth, minLabel.implicitWidth)
            // Level with the plot area (below the title, above the date axis).
            Layout.topMargin: Style.spaceXl + Style.spaceS
            Layout.bottomMargin: Style.spaceXl + Style.spaceS
            spacing: 0
            AmountText { id: maxLabel; objectName: "balanceChartMax"; Layout.alignment: Qt.AlignRight; amount: root.maxText; asset: root.asset; font.pixelSize: Style.fontCaption; wrapMode: Text.NoWrap }
            Item { Layout.fillHeight: true }
            AmountText { id: minLabel; objectName: "balanceChartMin"; Layout.alignment: Qt.AlignRight; amount: root.minText; asset: root.asset; font.pixelSize: Style.fontCaption; wrapMode: Text.NoWrap }
        }
        ChartView {
            id: chart
            Layout.fillWidth: true
            Layout.fillHeight: true
            antialiasing: true
            legend.visible: false
            backgroundColor: Style.surface
            titleColor: Style.text
            title: root.asset !== "" ? qsTr("Balance over time (%1)").arg(root.asset) : ""

            // qmllint disable
            // (Qt 6.4's QtCharts qmltypes do not resolve ValueAxis, nor the axes' label properties.)
            DateTimeAxis { id: xAxis; format: "MMM d"; labelsColor: Style.text; tickCount: 5 }
            // Positions, not amounts: the exact figures are the labels beside the chart.
            ValueAxis { id: yAxis; min: -root.steps * 0.05; max: root.steps * 1.05; labelsVisible: false }
            LineSeries { id: series; axisX: xAxis; axisY: yAxis; color: Style.accent; width: 2 }
            // qmllint enable
        }
    }
}

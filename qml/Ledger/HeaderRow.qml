import QtQuick
import QtQuick.Controls

// Column titles above a list, sized as fractions of the width (a Row, not a layout, so the
// widths never feed back into the layout that sizes it).
Row {
    id: row
    property var columns: []
    property var widths: []
    leftPadding: 12
    Repeater {
        model: row.columns
        delegate: Label {
            required property string modelData
            required property int index
            text: modelData
            font.bold: true
            opacity: 0.7
            width: (row.width - row.leftPadding) * row.widths[index]
            elide: Text.ElideRight
        }
    }
}

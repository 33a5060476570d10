pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk

// Balances before → after per account and asset (BalanceDiff's rows), the preview of every
// ledger write form: new transaction, Numscript, bulk.
GridLayout {
    id: table
    property var rows: []
    columns: 4
    columnSpacing: Style.spaceM
    Repeater {
        model: table.rows
        delegate: Label {
            required property var modelData
            required property int index
            Layout.row: index
            Layout.column: 0
            Layout.fillWidth: true
            text: modelData.account
            font.family: Style.monoFamily
            elide: Text.ElideMiddle
        }
    }
    Repeater {
        model: table.rows
        delegate: AmountText { required property var modelData; required property int index; Layout.row: index; Layout.column: 1; amount: modelData.before; asset: modelData.asset }
    }
    Repeater {
        model: table.rows
        delegate: Label { required property int index; Layout.row: index; Layout.column: 2; text: "→"; color: Style.textMuted }
    }
    Repeater {
        model: table.rows
        delegate: AmountText { required property var modelData; required property int index; Layout.row: index; Layout.column: 3; amount: modelData.after; asset: modelData.asset; negative: modelData.negative }
    }
}

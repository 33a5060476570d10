pragma ComponentBehavior: Bound
// The header and the count line are not the ListView's header/footer: Qt 6.4 does not create a
// bound header or footer component ("Component is not ready").
import QtQuick
import Formance.Desk
import QtQuick.Controls
import QtQuick.Layouts

// A list driven by a column spec that feeds the header and the rows alike:
//   columns: [{ title, role, width, fill, minWidth, align: "right", mono, amount, sortable, elide }]
// `width` is the preferred width in pixels (the operator can drag a header's edge; the width is
// remembered per `listKey`); one column may `fill` the rest. An `amount` column grows to its
// widest value, so an amount is never cut. Keyboard: arrows move, Return (or a click) opens a row
// (`activated(row)`), Home/End/PageUp/PageDown scroll. Loading, errors (with Retry) and the empty
// state are shown from the model's `loading`, `error` and `count`. `checkColumn: { check: row => bool,
// toggle: (index, checked) => …, name: row => text }` adds a first column of check boxes (several
// rows chosen at once); the box always shows check(row).
FocusScope {
    id: page
    required property var model
    required property var columns
    property string listKey
    property string emptyTitle: qsTr("Nothing here yet.")
    property string emptyHint
    property string countText: ""
    property string sortRole
    property bool sortAscending: false
    property int selectedRow: -1
    property var checkColumn: null
    readonly property int checkWidth: checkColumn ? 40 : 0
    property alias currentIndex: list.currentIndex
    property alias view: list
    readonly property bool loading: !!page.model && page.model.loading === true
    readonly property bool failed: !!page.model && typeof page.model.error === "string" && page.model.error !== ""
    signal activated(int row)
    signal sortClicked(string role)
    activeFocusOnTab: true

    // Widths the operator dragged, by role; measured widths of amount columns, by role.
    property var savedWidths: listKey !== "" ? WindowSettings.columnWidths(listKey) : ({})
    property var measured: ({})
    function measure(role, w) {
        if ((measured[role] || 0) >= w)
            return
        const m = Object.assign({}, measured)
        m[role] = Math.ceil(w)
        measured = m
    }
    function baseWidth(c) {
        const saved = savedWidths[c.role]
        const w = saved !== undefined ? saved : (c.width || 120)
        return c.amount ? Math.max(w, (measured[c.role] || 0) + 2 * Style.spaceS) : w
    }
    readonly property real fixedWidth: {
        let sum = 0
        for (const c of columns)
            if (!c.fill)
                sum += baseWidth(c)
        return sum
    }
    readonly property real availableWidth: list.width - 2 * Style.spaceS - checkWidth
    // When the columns do not fit (a narrow window, a large font), the columns that are neither
    // amounts nor the filling one give up width, each in proportion to what it can spare, down to
    // its minWidth (64 px by default), and elide: the list never needs to scroll sideways for them.
    // Amount columns never shrink.
    function floorOf(c) { return Math.min(baseWidth(c), c.minWidth || 64) }
    readonly property real fillMinimum: {
        let sum = 0
        for (const c of columns)
            if (c.fill)
                sum += c.minWidth || 120
        return sum
    }
    readonly property real spare: {
        let sum = 0
        for (const c of columns)
            if (!c.fill && !c.amount)
                sum += baseWidth(c) - floorOf(c)
        return sum
    }
    readonly property real shortfall: Math.min(spare, Math.max(0, fixedWidth + fillMinimum - availableWidth))
    function widthOf(c) {
        if (!c.fill) {
            const w = baseWidth(c)
            return c.amount || shortfall <= 0 ? w : w - shortfall * (w - floorOf(c)) / spare
        }
        return Math.max(c.minWidth || 120, availableWidth - (fixedWidth - shortfall))
    }
    readonly property real rowWidth: {
        let sum = 0
        for (const c of columns)
            sum += widthOf(c)
        return sum + 2 * Style.spaceS + checkWidth
    }

    function positionAt(row) {
        list.currentIndex = row
        list.positionViewAtIndex(row, ListView.Contain)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Style.spaceS

        ErrorBanner {
            Layout.fillWidth: true
            // Any model works; a PagedListModel also tells its loading and error.
            text: page.model && typeof page.model.error === "string" ? page.model.error : ""
            onRetry: if (page.model.reload) page.model.reload()
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Style.surface
            border.color: page.activeFocus || list.activeFocus ? Style.focusRing : Style.border
            border.width: page.activeFocus || list.activeFocus ? 2 : 1
            radius: Style.radiusM
            clip: true

            // The header stays put above the rows and follows their horizontal scroll.
            Rectangle {
                id: headerArea
                anchors.top: parent.top
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.margins: 1
                clip: true
                    height: Style.rowHeight
                    color: Style.surfaceAlt
                    Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Style.border }
                    Row {
                        x: Style.spaceS - list.contentX + list.originX
                        height: parent.height
                        Item { visible: page.checkWidth > 0; width: page.checkWidth; height: parent.height }
                        Repeater {
                            model: page.columns
                            delegate: Item {
                                id: headerCell
                                required property var modelData
                                width: page.widthOf(modelData)
                                height: parent.height
                                Label {
                                    anchors.fill: parent
                                    anchors.leftMargin: Style.spaceS
                                    anchors.rightMargin: Style.spaceS
                                    verticalAlignment: Text.AlignVCenter
                                    horizontalAlignment: headerCell.modelData.align === "right" || headerCell.modelData.amount ? Text.AlignRight : Text.AlignLeft
                                    text: headerCell.modelData.title + (page.sortRole === headerCell.modelData.role ? (page.sortAscending ? "  ▲" : "  ▼") : "")
                                    font.pixelSize: Style.fontLabel
                                    font.weight: Font.DemiBold
                                    color: Style.textMuted
                                    elide: Text.ElideRight
                                }
                                MouseArea {
                                    anchors.fill: parent
                                    anchors.rightMargin: 6
                                    enabled: headerCell.modelData.sortable === true
                                    cursorShape: enabled ? Qt.PointingHandCursor : Qt.ArrowCursor
                                    onClicked: page.sortClicked(headerCell.modelData.role)
                                }
                                // Drag the right edge to resize (not the filling column).
                                MouseArea {
                                    visible: !headerCell.modelData.fill
                                    width: 6
                                    anchors.right: parent.right
                                    height: parent.height
                                    cursorShape: Qt.SplitHCursor
                                    property real startX
                                    property real startWidth
                                    onPressed: mouse => { startX = mapToItem(null, mouse.x, 0).x; startWidth = headerCell.width }
                                    onPositionChanged: mouse => {
                                        const w = Math.max(48, Math.round(startWidth + mapToItem(null, mouse.x, 0).x - startX))
                                        const s = Object.assign({}, page.savedWidths)
                                        s[headerCell.modelData.role] = w
                                        page.savedWidths = s
                                    }
                                    onReleased: if (page.listKey !== "") WindowSettings.setColumnWidth(page.listKey, headerCell.modelData.role, page.savedWidths[headerCell.modelData.role])
                                }
                            }
                        }
                    }
                }

            ListView {
                id: list
                objectName: "listView"
                anchors.top: headerArea.bottom
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: countLine.top
                anchors.margins: 1
                anchors.topMargin: 0
                clip: true
                focus: true
                model: page.model
                reuseItems: true
                boundsBehavior: Flickable.StopAtBounds
                contentWidth: page.rowWidth
                flickableDirection: Flickable.AutoFlickIfNeeded
                keyNavigationEnabled: true
                highlightMoveDuration: 0
                currentIndex: -1
                ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
                ScrollBar.horizontal: ScrollBar { policy: ScrollBar.AsNeeded }
                Keys.onReturnPressed: if (currentIndex >= 0) page.activated(currentIndex)
                Keys.onEnterPressed: if (currentIndex >= 0) page.activated(currentIndex)
                onCountChanged: if (count > 0 && currentIndex < 0 && activeFocus) currentIndex = 0
                onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0

                delegate: ItemDelegate {
                    id: rowItem
                    required property var model
                    required property int index
                    width: Math.max(list.width, page.rowWidth)
                    height: Style.rowHeight
                    padding: 0
                    highlighted: ListView.isCurrentItem || page.selectedRow === index
                    focusPolicy: Qt.NoFocus
                    // A screen reader says the row as its columns: "ID: 12, Source: world, …".
                    Accessible.name: page.columns.map(c => {
                        const v = c.format ? c.format(rowItem.model) : rowItem.model[c.role]
                        return (c.title ? c.title + ": " : "") + (v === undefined || v === null ? "" : String(v))
                    }).join(", ")
                    onClicked: {
                        list.currentIndex = index
                        list.forceActiveFocus()
                        page.activated(index)
                    }
                    background: Rectangle {
                        color: rowItem.highlighted ? Style.selection : rowItem.hovered ? Style.hover
                             : rowItem.index % 2 === 1 ? Style.surfaceAlt : Style.surface
                        Rectangle {
                            visible: rowItem.ListView.isCurrentItem && list.activeFocus
                            anchors.fill: parent
                            color: "transparent"
                            border.color: Style.focusRing
                            border.width: 2
                        }
                    }
                    contentItem: Row {
                        leftPadding: Style.spaceS
                        Repeater {
                            model: page.checkColumn ? 1 : 0
                            delegate: Item {
                                width: page.checkWidth
                                height: Style.rowHeight
                                CheckBox {
                                    objectName: "rowCheck"
                                    anchors.verticalCenter: parent.verticalCenter
                                    checkable: false // the state always follows check(row)
                                    checked: page.checkColumn.check(rowItem.model)
                                    onClicked: page.checkColumn.toggle(rowItem.index, !checked)
                                    Accessible.name: page.checkColumn.name ? page.checkColumn.name(rowItem.model) : qsTr("Select row %1").arg(rowItem.index + 1)
                                }
                            }
                        }
                        Repeater {
                            model: page.columns
                            delegate: Label {
                                required property var modelData
                                readonly property var value: rowItem.model[modelData.role]
                                width: page.widthOf(modelData)
                                height: Style.rowHeight
                                leftPadding: Style.spaceS
                                rightPadding: Style.spaceS
                                verticalAlignment: Text.AlignVCenter
                                horizontalAlignment: modelData.align === "right" || modelData.amount ? Text.AlignRight : Text.AlignLeft
                                text: modelData.format ? modelData.format(rowItem.model)
                                    : value === undefined || value === null ? ""
                                    : modelData.amount ? Style.localAmount(String(value)) : String(value)
                                font.family: modelData.mono || modelData.amount ? Style.monoFamily : Style.fontFamily
                                font.weight: modelData.strong ? Font.DemiBold : Font.Normal
                                color: modelData.colorFor ? modelData.colorFor(rowItem.model)
                                     : modelData.muted ? Style.textMuted : Style.text
                                elide: modelData.amount ? Text.ElideNone : (modelData.elide !== undefined ? modelData.elide : Text.ElideRight)
                                onImplicitWidthChanged: if (modelData.amount) page.measure(modelData.role, implicitWidth)
                                Component.onCompleted: if (modelData.amount) page.measure(modelData.role, implicitWidth)
                            }
                        }
                    }
                }

            }

            Label {
                id: countLine
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                height: text !== "" ? 26 : 0
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                color: Style.textMuted
                font.pixelSize: Style.fontLabel
                text: page.loading ? qsTr("Loading…") : page.countText
            }

            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width - 2 * Style.spaceXl, 420)
                visible: !page.loading && !page.failed && list.count === 0
                title: page.emptyTitle
                hint: page.emptyHint
            }
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Formance.Desk
import "../Ledger" // HeaderRow

// The wallets of the stack (not tied to the chosen ledger); a row opens its balances and holds.
Pane {
    id: page

    WalletsModel {
        id: wallets
        session: Session
        // --page wallet: a wallet's detail over the list, for screenshots: the demo's "chloe" (a
        // named balance, a partly confirmed hold) when there, else the first.
        onLoadingChanged: {
            if (loading || count === 0 || window.initialPage !== "wallet" || detail.visible)
                return
            let row = 0
            for (let i = 0; i < count; ++i)
                if (nameAt(i) === "chloe")
                    row = i
            detail.open(idAt(row))
        }
    }
    WalletDetailDrawer {
        id: detail
        width: Math.min(page.width * 0.75, 760)
        height: window.height
    }

    ColumnLayout {
        anchors.fill: parent
        RowLayout {
            Label { text: qsTr("Wallets"); font.pixelSize: 20; Layout.fillWidth: true }
            TextField {
                Layout.preferredWidth: 280
                placeholderText: qsTr("Exact name")
                onEditingFinished: wallets.nameFilter = text
            }
            Button { text: qsTr("Refresh"); onClicked: wallets.reload() }
        }
        Label { visible: !Session.connected; text: qsTr("Connect to a stack first."); opacity: 0.7 }
        Label { visible: wallets.error !== ""; text: wallets.error; color: "#c0392b"; wrapMode: Text.Wrap; Layout.fillWidth: true }
        Label {
            visible: Session.connected && !wallets.loading && wallets.error === "" && wallets.count === 0
            text: wallets.nameFilter !== "" ? qsTr("No wallet is named \"%1\".").arg(wallets.nameFilter) : qsTr("No wallets on this stack.")
            opacity: 0.7
        }
        HeaderRow {
            Layout.fillWidth: true
            columns: [qsTr("Name"), qsTr("ID"), qsTr("Ledger"), qsTr("Created"), qsTr("Metadata")]
            widths: [0.15, 0.3, 0.12, 0.16, 0.27]
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: wallets
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                required property string walletId
                required property string name
                required property string ledger
                required property string createdAt
                required property string metadataText
                width: ListView.view.width
                highlighted: detail.visible && detail.walletId === walletId
                onClicked: detail.open(walletId)
                contentItem: RowLayout {
                    spacing: 0 // the columns line up with the header's fractions
                    Label { text: name; font.bold: true; Layout.preferredWidth: list.width * 0.15; elide: Text.ElideRight }
                    Label { text: walletId; font.family: "monospace"; Layout.preferredWidth: list.width * 0.3; elide: Text.ElideMiddle }
                    Label { text: ledger; Layout.preferredWidth: list.width * 0.12; elide: Text.ElideRight }
                    Label { text: createdAt; Layout.preferredWidth: list.width * 0.16 }
                    Label { text: metadataText; Layout.fillWidth: true; elide: Text.ElideRight; opacity: 0.8 }
                }
            }
            footer: BusyIndicator { running: wallets.loading; visible: running; anchors.horizontalCenter: parent ? parent.horizontalCenter : undefined }
        }
    }
}

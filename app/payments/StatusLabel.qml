import QtQuick
import QtQuick.Controls
import Formance.Desk

// A payments status (SUCCEEDED, FAILED, PENDING, PROCESSED …) as a coloured tag, by its meaning.
Rectangle {
    id: tag
    property string status
    readonly property string tone: toneOf(status)
    function toneOf(s) {
        switch (s) {
        case "SUCCEEDED": case "PROCESSED": case "ACTIVE": case "VALIDATED": case "ENABLED":
            return "good"
        case "FAILED": case "REJECTED": case "CANCELLED": case "EXPIRED": case "TERMINATED":
            return "bad"
        case "PENDING": case "WAITING_FOR_VALIDATION": case "PROCESSING": case "ASK_RETRIED": case "ASK_REVERSED": case "REVERSE_PROCESSING":
            return "wait"
        default:
            return "plain"
        }
    }
    radius: Style.radiusS
    color: tone === "good" ? Style.successSurface : tone === "bad" ? Style.dangerSurface : tone === "wait" ? Style.warningSurface : Style.surfaceAlt
    implicitWidth: label.implicitWidth + 2 * Style.spaceS
    implicitHeight: label.implicitHeight + Style.spaceXs
    Label {
        id: label
        anchors.centerIn: parent
        text: tag.status
        font.weight: Font.DemiBold
        font.pixelSize: Style.fontLabel
        color: tag.tone === "good" ? Style.success : tag.tone === "bad" ? Style.danger : tag.tone === "wait" ? Style.warning : Style.textMuted
    }
}

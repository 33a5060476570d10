import QtQuick
import QtQuick.Controls
import Formance.Desk

// A payments status (SUCCEEDED, FAILED, PENDING, PROCESSED …) as a coloured tag, by its meaning.
Rectangle {
    id: tag
    property string status
    readonly property string tone: ["SUCCEEDED", "PROCESSED", "ACTIVE", "VALIDATED", "ENABLED"].indexOf(status) >= 0 ? "good"
                                  : ["FAILED", "REJECTED", "CANCELLED", "EXPIRED", "TERMINATED"].indexOf(status) >= 0 ? "bad"
                                  : ["PENDING", "WAITING_FOR_VALIDATION", "PROCESSING", "ASK_RETRIED", "ASK_REVERSED", "REVERSE_PROCESSING"].indexOf(status) >= 0 ? "wait"
                                  : "plain"
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

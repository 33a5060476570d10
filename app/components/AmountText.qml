import QtQuick
import Formance.Desk
import QtQuick.Controls

// An exact amount with its asset, right-aligned in the monospace font. Never elided: when the room
// is too small it wraps, so no digit is ever hidden. The asset shows as its currency ("ETH/18"
// reads "ETH": the amount already carries its decimals).
Label {
    property string amount
    property string asset
    property bool negative: amount.startsWith("-")
    text: Style.localAmount(asset !== "" ? amount + " " + asset.split("/")[0] : amount)
    font.family: Style.monoFamily
    horizontalAlignment: Text.AlignRight
    elide: Text.ElideNone
    wrapMode: Text.WrapAnywhere
    color: negative ? Style.danger : Style.text
}

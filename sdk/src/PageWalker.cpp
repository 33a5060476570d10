#include <Formance/support/PageWalker.h>

#include <Formance/json/JsonReader.h>

namespace Formance::Detail {

QString nextPageCursor(const QByteArray &body) {
    const Json::Reader::Input input(body);
    if (!input.ok())
        return {};
    Json::Reader r = input.reader();
    std::string_view key;
    if (!r.beginObject() || r.endsNow('}'))
        return {};
    do {
        if (!r.key(&key))
            return {};
        if (key != "cursor") {
            if (!r.skip())
                return {};
            continue;
        }
        if (!r.beginObject() || r.endsNow('}'))
            return {};
        std::optional<bool> hasMore;
        std::optional<QString> next;
        do {
            if (!r.key(&key))
                return {};
            const char c = r.peek();
            if (key == "hasMore" && !hasMore && (c == 't' || c == 'f')) {
                bool more = false;
                if (!r.boolean(&more) || !more)
                    return {};
                hasMore = more;
            } else if (key == "next" && !next && c == '"') {
                std::string_view text;
                if (!r.string(&text))
                    return {};
                next = QString::fromUtf8(text.data(), qsizetype(text.size()));
            } else if (!r.skip()) {
                return {};
            }
            if (hasMore && next)
                return *next; // the items are left unread
        } while (r.more('}'));
        return {};
    } while (r.more('}'));
    return {};
}

} // namespace Formance::Detail

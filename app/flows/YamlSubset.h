// The YAML a workflow config is written in (as the CLI's files are), turned into JSON: Debian's Qt
// has no YAML parser, so this reads the subset such a config needs, and says so when it meets more.
// Accepted: block mappings (`key: value`, keys plain or quoted), block sequences (`- item`, an item
// may open a mapping on its own line: `- send:`), flow collections (`{id: world, ledger: main}`,
// `[a, b]`), scalars — "double" and 'single' quoted strings, integers and decimals (kept exact, as
// written), true, false, null, ~, and plain text — and `#` comments. Not accepted: anchors and
// aliases, tags, multi-line strings (| and >), several documents, tabs for indentation.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

struct YamlToJson {
    QByteArray json;   // compact JSON; empty on an error
    int errorLine = 0; // 1-based; 0: no error
    QString error;
    QList<int> stageLines; // the line of each item of the top-level "stages" sequence

    static YamlToJson convert(const QString &yaml);
};

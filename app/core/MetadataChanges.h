// What an edited metadata map changes against the saved one, and running the writes that
// apply it (set the added and changed keys, delete the removed ones) as one step.
#pragma once

#include <QMap>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include <functional>
#include <optional>

struct MetadataChanges {
    QMap<QString, QString> upserts;
    QStringList removals;

    bool isEmpty() const { return upserts.isEmpty() && removals.isEmpty(); }
    static MetadataChanges between(const QVariantMap &saved, const QVariantMap &edited);
    // Rows {key, before, after, change: "added" | "changed" | "removed"}, for a diff shown before saving.
    static QVariantList diffRows(const QVariantMap &saved, const QVariantMap &edited);
};

// Steps run one after the other: each starts a call and, when it succeeded, calls `next`. With the
// calls on one CallHolder a failure stops the chain there and is the holder's error.
using WriteStep = std::function<void(std::function<void()> next)>;
void runInOrder(QList<WriteStep> steps, std::function<void()> done);

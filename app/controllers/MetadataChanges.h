// What an edited metadata map changes against the saved one, and running the writes that
// apply it (set the added and changed keys, delete the removed ones) as one step.
#pragma once

#include "Error.h"

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

// One write: starts a call and reports its error, or nullopt on success.
using MetadataWrite = std::function<void(std::function<void(const std::optional<Formance::Error> &)>)>;

// Starts every write; calls `done` once, after the last one, with the first error if any.
void runMetadataWrites(const QList<MetadataWrite> &writes,
                       const std::function<void(const std::optional<Formance::Error> &)> &done);

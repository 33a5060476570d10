#include "MetadataChanges.h"

#include <memory>

MetadataChanges MetadataChanges::between(const QVariantMap &saved, const QVariantMap &edited) {
    MetadataChanges changes;
    for (auto it = saved.cbegin(); it != saved.cend(); ++it)
        if (!edited.contains(it.key()))
            changes.removals.append(it.key());
    for (auto it = edited.cbegin(); it != edited.cend(); ++it)
        if (!saved.contains(it.key()) || saved.value(it.key()).toString() != it.value().toString())
            changes.upserts.insert(it.key(), it.value().toString());
    return changes;
}

QVariantList MetadataChanges::diffRows(const QVariantMap &saved, const QVariantMap &edited) {
    QVariantList rows;
    for (auto it = saved.cbegin(); it != saved.cend(); ++it) {
        if (!edited.contains(it.key()))
            rows.append(QVariantMap{
                {"key", it.key()}, {"before", it.value()}, {"after", QString()}, {"change", "removed"}});
        else if (edited.value(it.key()).toString() != it.value().toString())
            rows.append(QVariantMap{{"key", it.key()},
                                    {"before", it.value()},
                                    {"after", edited.value(it.key())},
                                    {"change", "changed"}});
    }
    for (auto it = edited.cbegin(); it != edited.cend(); ++it)
        if (!saved.contains(it.key()))
            rows.append(QVariantMap{
                {"key", it.key()}, {"before", QString()}, {"after", it.value()}, {"change", "added"}});
    return rows;
}

void runInOrder(QList<WriteStep> steps, std::function<void()> done) {
    if (steps.isEmpty()) {
        done();
        return;
    }
    const WriteStep first = steps.takeFirst();
    first([steps = std::move(steps), done = std::move(done)]() mutable {
        runInOrder(std::move(steps), std::move(done));
    });
}

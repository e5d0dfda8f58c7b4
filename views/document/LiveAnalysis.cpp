#include "views/document/LiveAnalysis.h"

#include <QMetaObject>

#include "model/Validation.h"
#include "views/document/DesignDocument.h"

namespace sw::views {

LiveAnalysis::LiveAnalysis(DesignDocument* doc, Engine engine, QObject* parent)
    : QObject(parent), doc_(doc), engine_(engine) {
    const auto later = [this] { scheduleRecompute(); };
    for (auto sig : {&DesignDocument::componentAdded, &DesignDocument::componentRemoved,
                     &DesignDocument::componentChanged, &DesignDocument::linkAdded, &DesignDocument::linkRemoved,
                     &DesignDocument::linkChanged, &DesignDocument::regionAdded, &DesignDocument::regionRemoved,
                     &DesignDocument::regionChanged, &DesignDocument::zoneAdded, &DesignDocument::zoneRemoved,
                     &DesignDocument::zoneChanged})
        connect(doc, sig, this, later);
    connect(doc, &DesignDocument::workloadChanged, this, later);
    connect(doc, &DesignDocument::designReset, this, later);
}

void LiveAnalysis::scheduleRecompute() {
    current_ = false;
    if (pending_) return;
    pending_ = true;
    QMetaObject::invokeMethod(this, &LiveAnalysis::recomputeNow, Qt::QueuedConnection);
}

void LiveAnalysis::recomputeNow() {
    pending_ = false;
    const Design& d = doc_->design();
    findings_ = validate(d);
    refused_ = false;
    for (const Finding& f : findings_) refused_ = refused_ || f.severity == Severity::Error;
    if (engine_ && !refused_) {
        analysis_ = engine_(d);   // its findings start with validate()'s
        findings_ = analysis_.findings;
    } else {
        analysis_ = Analysis{};   // no engine, or an invalid design: no figures
        refused_ = refused_ && engine_;
    }
    problems_.clear();
    errors_ = warnings_ = 0;
    for (const Finding& f : findings_) {
        (f.severity == Severity::Error ? errors_ : warnings_)++;
        if (f.subject.empty()) continue;
        std::string& p = problems_[f.subject];
        if (!p.empty()) p += '\n';
        p += (f.severity == Severity::Error ? "Error: " : "Warning: ") + f.message;
    }
    current_ = !refused_ && analysis_.components.size() == d.components.size();
    emit updated();
}

std::string LiveAnalysis::problemsOf(const std::string& id) const {
    auto it = problems_.find(id);
    return it == problems_.end() ? std::string() : it->second;
}

}  // namespace sw::views

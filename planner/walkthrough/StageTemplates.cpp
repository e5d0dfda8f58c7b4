// The twelve stage templates: the embedded samples parsed with the model's
// JSON reader, each with what it adds over the stage before and which of its
// parts scale out.
#include <cctype>
#include <cstdio>

#include "model/JsonFormat.h"
#include "planner/walkthrough/StageFeatures.h"
#include "planner/walkthrough/StageSamples.h"
#include "planner/walkthrough/Walkthrough.h"

namespace sw {

namespace {

// "Stage 3: load balancer and web tier" -> "Load balancer and web tier".
std::string stageName(const std::string& designName) {
    std::string s = designName;
    if (const auto colon = s.find(": "); s.rfind("Stage ", 0) == 0 && colon != std::string::npos) s = s.substr(colon + 2);
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::vector<StageTemplate> build() {
    std::vector<StageTemplate> out;
    for (const walk::EmbeddedStage& e : walk::embeddedStages()) {
        auto p = projectFromJson(e.json);
        if (!p || p->variants.empty()) {
            // The samples are checked by tests/samples; a broken one must not
            // take the engine down, so the stage is left empty and named.
            std::fprintf(stderr, "scalewright: embedded %.*s does not parse: %s\n", static_cast<int>(e.file.size()),
                         e.file.data(), p ? "no variant" : p.error().c_str());
            out.push_back({static_cast<int>(out.size()) + 1, std::string(e.file), {}, {}, {}, {}, {}});
            continue;
        }
        StageTemplate t;
        t.number = static_cast<int>(out.size()) + 1;
        t.design = p->variants.front();
        t.name = stageName(t.design.name);
        const walk::DesignFeatures f = walk::designFeatures(t.design);
        for (std::size_t i = 0; i < t.design.components.size(); ++i) {
            const Component& c = t.design.components[i];
            if (c.kind == ComponentKind::UserGroup) continue;
            (f.horizontal[i] ? t.horizontal : t.fixed).push_back(c.id);
        }
        if (out.empty()) {
            for (const Component& c : t.design.components)
                if (c.kind != ComponentKind::UserGroup) {
                    t.added.push_back(std::string(kindLabel(c.kind)) + " '" + c.name + "'");
                    t.added_ids.push_back(c.id);
                }
        } else {
            StageDiff d = diffStages(out.back().design, t.design);
            t.added = std::move(d.added);
            t.added_ids = std::move(d.added_ids);
        }
        out.push_back(std::move(t));
    }
    return out;
}

}  // namespace

const std::vector<StageTemplate>& stageTemplates() {
    static const std::vector<StageTemplate> templates = build();
    return templates;
}

}  // namespace sw

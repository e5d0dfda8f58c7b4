// How people are shown a component: its name, qualified by its place when
// several components share it ("Media jobs (us-east-1)", "API (eu-west-1a)"), so the
// window's cards, the report and the command line never name two things alike.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "model/Design.h"

namespace sw {

class ComponentNames {
public:
    // Built once per design: a lookup per use, not a scan of the design.
    explicit ComponentNames(const Design& design);
    // The display name of a component id; an unknown id comes back as it is.
    const std::string& operator()(std::string_view id) const;

private:
    std::unordered_map<std::string, std::string> names_;
    mutable std::string unknown_;
};

}  // namespace sw

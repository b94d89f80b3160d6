import Lake
open Lake DSL

/-! Native build of the attnthermo Lean core: `lake build` (core Lean only, no Mathlib); the
root module `AttnThermo` imports every module. -/

package attnthermo where
  leanOptions := #[⟨`warningAsError, true⟩]

@[default_target]
lean_lib AttnThermo where
  srcDir := "lean"
  globs := #[.andSubmodules `AttnThermo]

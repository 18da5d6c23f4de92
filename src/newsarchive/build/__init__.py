"""The build: articles folder in, a complete site swapped into the output folder out.

    build() = discover → load + extract (workers, cached) → link → render (workers) → swap in
"""

from newsarchive.build.engine import BuildOptions, BuildResult, build

__all__ = ["BuildOptions", "BuildResult", "build"]

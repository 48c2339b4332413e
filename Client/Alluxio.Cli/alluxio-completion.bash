# Tab completion of alluxio's commands and options for bash (and zsh through bashcompinit).
# The alluxio executable answers System.CommandLine's [suggest:POSITION] directive itself; no other tool is needed.
#   bash: source this file from ~/.bashrc, or copy it to /etc/bash_completion.d/alluxio
#   zsh:  autoload -U +X bashcompinit && bashcompinit && source this file (in ~/.zshrc)
# Where alluxio offers nothing (a local path of copyFromLocal, say), the shell completes file names.
_alluxio_complete() {
    local IFS=$'\n'
    # alluxio suggests what contains the word under the cursor; keep what starts with it.
    COMPREPLY=($(compgen -W "$(alluxio "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _alluxio_complete alluxio

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_osm_global_optspecs
    string join \n kubeconfig= context= osm-namespace= v/verbose no-color request-timeout= h/help V/version
end

function __fish_osm_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_osm_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_osm_using_subcommand
    set -l cmd (__fish_osm_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c osm -n "__fish_osm_needs_command" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_needs_command" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_needs_command" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_needs_command" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_needs_command" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_needs_command" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c osm -n "__fish_osm_needs_command" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_needs_command" -f -a "version" -d 'Print the version of osm and of the cluster it talks to'
complete -c osm -n "__fish_osm_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c osm -n "__fish_osm_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c osm -n "__fish_osm_using_subcommand version" -s o -l output -d 'Output format' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c osm -n "__fish_osm_using_subcommand version" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand version" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand version" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand version" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand version" -l client -l client-only -d 'Print only the client version; do not contact the cluster'
complete -c osm -n "__fish_osm_using_subcommand version" -l version-only -d 'Accepted for the Go CLI\'s scripts: osm prints no upgrade notices to hide'
complete -c osm -n "__fish_osm_using_subcommand version" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand version" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand version" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand version" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand completion" -l kubeconfig -d 'Path to the kubeconfig file (default: KUBECONFIG, then ~/.kube/config, then in-cluster)' -r -F
complete -c osm -n "__fish_osm_using_subcommand completion" -l context -d 'The kubeconfig context to use' -r
complete -c osm -n "__fish_osm_using_subcommand completion" -l osm-namespace -d 'Namespace of the OSM control plane' -r
complete -c osm -n "__fish_osm_using_subcommand completion" -l request-timeout -d 'How long to wait for a single API request (e.g. 30s, 2m; 0 means no limit)' -r
complete -c osm -n "__fish_osm_using_subcommand completion" -s v -l verbose -d 'Print debug lines on stderr (-vv also shows every API request)'
complete -c osm -n "__fish_osm_using_subcommand completion" -l no-color -d 'Disable colored output (the NO_COLOR environment variable does the same)'
complete -c osm -n "__fish_osm_using_subcommand completion" -s h -l help -d 'Print help'
complete -c osm -n "__fish_osm_using_subcommand completion" -s V -l version -d 'Print version'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from version completion help" -f -a "version" -d 'Print the version of osm and of the cluster it talks to'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from version completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c osm -n "__fish_osm_using_subcommand help; and not __fish_seen_subcommand_from version completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'

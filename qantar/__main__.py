from qantar.cli import main

main()

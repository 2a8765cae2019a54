fn main() -> anyhow::Result<()> {
    lectern::ui::run(std::env::args_os().nth(1).map(Into::into))
}

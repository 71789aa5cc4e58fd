fn main() {
    yew::Renderer::<hookcheck_web::App>::new().render();
}
